using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using TradingBot.Dashboard;
using TradingBot.Dashboard.Health;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Operations.Hosting;
using TradingBot.Operations.Secrets;
using TradingBot.Silo.Alerts;
using TradingBot.Silo.Dashboard;
using TradingBot.Silo.Hosting.LiveConfig;
using TradingBot.Trading.Journal;

namespace TradingBot.Silo.Hosting;

/// <summary>Builds and runs the silo: configuration, logging, exchange, grain runtime, dashboard.</summary>
public static class SiloHost
{
    /// <summary>Builds the web application without starting it (tests start it themselves).</summary>
    public static async Task<WebApplication> BuildAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder;
        try
        {
            builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ContentRootPath = AppContext.BaseDirectory,
                Args = [],
            });
        }
        catch (InvalidDataException ex)
        {
            // The host's default appsettings.json next to the executable is broken.
            throw new ConfigurationException($"{ex.Message} {ex.InnerException?.Message}".Trim());
        }

        LoadDotEnv(Directory.GetCurrentDirectory());
        var configFileErrors = SiloConfiguration.Configure(builder.Configuration, SiloConfiguration.ResolveDirectory(overrides), overrides);
        builder.Services.AddSingleton(configFileErrors);

        var options = Bind<SiloOptions>(builder.Configuration, SiloOptions.Section);
        builder.WebHost.UseUrls(options.Urls);
        var redactor = SecretRedactor.FromEnvironment();
        var serilog = SiloLogging.Create(options, redactor);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(serilog, dispose: true);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new SiloIdentity(options.Mode, InformationalVersion(), DateTimeOffset.UtcNow, System.Diagnostics.Stopwatch.GetTimestamp()));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(30));

        // With trading, the alert outbox lives in the trade journal's file: a journaled cause and its alert share one transaction.
        var journalPath = Path.Combine(Path.GetFullPath(options.DataDirectory), TradeJournal.DefaultFileName);
        builder.Services.AddOperations(builder.Configuration, Path.GetFullPath(options.DataDirectory), redactor, alertDatabasePath: options.Trading ? journalPath : null);
        if (options.Trading)
        {
            await AddTradingAsync(builder, options, serilog, cancellationToken);
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }

        var app = builder.Build();
        app.MapHealth();
        if (options.Trading)
        {
            app.MapTradingDashboard();
        }
        return app;
    }

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellation)
    {
        try
        {
            await using var app = await BuildAsync(overrides, cancellation);
            var options = app.Services.GetRequiredService<SiloOptions>();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TradingBot.Silo");
            await app.StartAsync(cancellation);
            logger.LogInformation("Silo started in {Mode} mode; dashboard and API on {Urls}", options.Mode, options.Urls);
            await app.WaitForShutdownAsync(cancellation);
            return 0;
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is ExchangeException or HttpRequestException && !cancellation.IsCancellationRequested)
        {
            // Not a configuration problem: the exchange could not be reached at start-up. Exit 1 so systemd retries.
            await Console.Error.WriteLineAsync($"Start-up failed, the exchange did not answer: {ex.Message}");
            return 1;
        }
    }

    private static async Task AddTradingAsync(WebApplicationBuilder builder, SiloOptions options, Serilog.ILogger serilog, CancellationToken cancellationToken)
    {
        var exchangeSettings = Bind<ExchangeSettings>(builder.Configuration, ExchangeSettings.Section);
        var trading = ReadTrading(builder.Configuration);
        if (TradingOptionsValidator.Validate(trading) is { Count: > 0 } errors)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, errors));
        }

        using var bootstrapLogging = new SerilogLoggerFactory(serilog);
        var connection = await ExchangeConnection.OpenAsync(options.Mode, exchangeSettings, trading.Symbols, bootstrapLogging, cancellationToken);
        builder.Services.AddSingleton(_ => connection);
        builder.Services.AddSingleton<IExchange>(connection.Exchange);
        builder.Services.AddSingleton(connection.MarketClock);
        // The grains see the accepted trading values, which change only when a live change passes validation.
        var acceptedTrading = new AcceptedTradingConfiguration(builder.Configuration);
        builder.Services.AddSingleton(acceptedTrading);
        // Registered before the grains' default journal (TryAdd), to commit alerts with the records that cause them.
        builder.Services.AddSingleton(sp => new TradeJournal(
            Path.Combine(Path.GetFullPath(options.DataDirectory), TradeJournal.DefaultFileName), new JournalAlerts(sp.GetRequiredService<AlertOutbox>())));
        builder.Services.AddTradingGrains(acceptedTrading.Root, Path.GetFullPath(options.DataDirectory));
        // The bridge subscribes before trading starts, so SystemStarted and reconciliation alerts have a listener.
        builder.Services.AddHostedService<AlertBridge>();
        builder.Services.AddHostedService<TradingHostedService>();
        builder.Services.AddHostedService<LiveConfigurationWatcher>();
        builder.Services.AddSingleton<IHealthContributor, ExchangeHealthContributor>();
        builder.AddSiloDashboard(options);
    }

    /// <summary>Binds a section; a value of the wrong type stops start-up naming the key (the binder's message does).</summary>
    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }
    }

    /// <summary>Reads the trading section with configured lists replacing the defaults; a bad value names its key.</summary>
    private static TradingOptions ReadTrading(IConfiguration configuration)
    {
        try
        {
            return TradingOptionsBinding.Read(configuration);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }
    }

    private static string InformationalVersion() =>
        typeof(SiloHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static void LoadDotEnv(string directory)
    {
        var path = Path.Combine(directory, ".env");
        if (File.Exists(path))
        {
            DotNetEnv.Env.Load(path, new DotNetEnv.LoadOptions(setEnvVars: true, clobberExistingVars: false));
        }
    }
}
