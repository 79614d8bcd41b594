using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Operations.Alerts.Delivery;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Operations.Secrets;

namespace TradingBot.Operations.Hosting;

/// <summary>Wires alerts, secret redaction and configuration checks into a host.</summary>
public static class OperationsServiceCollectionExtensions
{
    /// <summary>File name of the alert outbox inside the data directory.</summary>
    public const string AlertDatabaseFileName = "alerts.db";

    /// <summary>The environment variable holding the webhook URL (overrides <c>Alerts:DiscordWebhookUrl</c>).</summary>
    public const string WebhookEnvironmentVariable = "DISCORD_WEBHOOK_URL";

    /// <summary>
    /// Registers <see cref="SecretRedactor"/>, <see cref="AlertDeliveryOptions"/>, <see cref="AlertOutbox"/>
    /// (<c>&lt;dataDirectory&gt;/alerts.db</c>), and the <see cref="DiscordAlertDeliverer"/> hosted service. Pass the same <paramref name="redactor"/> given to the logger.
    /// Stamp alerts with wall-clock time (<see cref="TimeProvider.System"/>), not a simulated market clock:
    /// delivery runs on the wall clock and marks alerts older than <see cref="AlertDeliveryOptions.LateNoticeAfter"/> as late.
    /// </summary>
    /// <param name="alertDatabasePath">
    /// SQLite file of the outbox instead of <c>&lt;dataDirectory&gt;/alerts.db</c> — give the trade journal's file so that
    /// journal records and their alerts are written in one transaction.
    /// </param>
    /// <exception cref="InvalidOperationException">The <c>Alerts</c> section is invalid (message names the key).</exception>
    public static IServiceCollection AddOperations(
        this IServiceCollection services,
        IConfiguration configuration,
        string dataDirectory,
        SecretRedactor? redactor = null,
        Func<string, string?>? environment = null,
        string? alertDatabasePath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        environment ??= Environment.GetEnvironmentVariable;
        redactor ??= SecretRedactor.FromEnvironment(environment);

        var options = LoadAlertOptions(configuration, environment);
        RegisterWebhook(redactor, options.DiscordWebhookUrl);

        services.AddSingleton(redactor);
        services.AddSingleton(options);
        services.AddSingleton(sp =>
        {
            var legacyPath = Path.Combine(dataDirectory, AlertDatabaseFileName);
            var outbox = new AlertOutbox(alertDatabasePath ?? legacyPath, redactor);
            if (LegacyOutboxMigration.Run(legacyPath, outbox) is { } report)
            {
                sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(LegacyOutboxMigration)).LogWarning("Alert outbox upgrade: {Report}", report);
            }

            return outbox;
        });
        services.AddSingleton(sp => new DiscordAlertDeliverer(
            sp.GetRequiredService<AlertOutbox>(),
            CreateHttpClient(),
            options,
            // Wall clock on purpose: Discord's rate limits and backoffs are real time, even when the silo
            // runs the market on an accelerated simulated clock (paper mode).
            TimeProvider.System,
            sp.GetRequiredService<ILogger<DiscordAlertDeliverer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DiscordAlertDeliverer>());
        return services;
    }

    /// <summary>Binds <c>Alerts</c>, applies <c>DISCORD_WEBHOOK_URL</c> and validates.</summary>
    /// <exception cref="InvalidOperationException">A value is invalid (the webhook URL itself is never echoed).</exception>
    public static AlertDeliveryOptions LoadAlertOptions(IConfiguration configuration, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        environment ??= Environment.GetEnvironmentVariable;
        var options = new AlertDeliveryOptions();
        try
        {
            configuration.GetSection(AlertDeliveryOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"Invalid '{AlertDeliveryOptions.Section}' configuration: {e.Message}", e);
        }

        if (environment(WebhookEnvironmentVariable) is { Length: > 0 } webhook)
        {
            options.DiscordWebhookUrl = webhook.Trim();
        }

        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid alert configuration: " + string.Join(" ", errors));
        }

        return options;
    }

    // The token (last path segment) also shows up on its own, e.g. in exception messages.
    private static void RegisterWebhook(SecretRedactor redactor, string? webhook)
    {
        redactor.Register(webhook);
        if (Uri.TryCreate(webhook, UriKind.Absolute, out var uri) && uri.Segments.Length > 0)
        {
            redactor.Register(uri.Segments[^1].Trim('/'));
        }
    }

    // Not IHttpClientFactory: its handlers log request URIs, and the webhook URL is a secret.
    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
