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
using TradingBot.Operations.Hosting;
using TradingBot.Operations.Secrets;
using TradingBot.Silo.Alerts;
using TradingBot.Silo.Dashboard;

namespace TradingBot.Silo.Hosting;

/// <summary>Builds and runs the silo: configuration, logging, exchange, grain runtime, dashboard.</summary>
public static class SiloHost
{
    /// <summary>Builds the web application without starting it (tests start it themselves).</summary>
    public static async Task<WebApplication> BuildAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        LoadDotEnv(Directory.GetCurrentDirectory());
        builder.Configuration.AddEnvironmentVariables("TRADINGBOT_");
        builder.Configuration.AddInMemoryCollection(overrides);

        var options = Bind<SiloOptions>(builder.Configuration, SiloOptions.Section);
        builder.WebHost.UseUrls(options.Urls);
        var redactor = SecretRedactor.FromEnvironment();
        var serilog = SiloLogging.Create(options, redactor);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(serilog, dispose: true);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new SiloIdentity(options.Mode, InformationalVersion(), DateTimeOffset.UtcNow, System.Diagnostics.Stopwatch.GetTimestamp()));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddOperations(builder.Configuration, Path.GetFullPath(options.DataDirectory), redactor);
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
    }

    private static async Task AddTradingAsync(WebApplicationBuilder builder, SiloOptions options, Serilog.ILogger serilog, CancellationToken cancellationToken)
    {
        var exchangeSettings = Bind<ExchangeSettings>(builder.Configuration, ExchangeSettings.Section);
        var trading = Bind<TradingOptions>(builder.Configuration, TradingOptions.Section);
        if (TradingOptionsValidator.Validate(trading) is { Count: > 0 } errors)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, errors));
        }

        using var bootstrapLogging = new SerilogLoggerFactory(serilog);
        var connection = await ExchangeConnection.OpenAsync(options.Mode, exchangeSettings, trading.Symbols, bootstrapLogging, cancellationToken);
        builder.Services.AddSingleton(_ => connection);
        builder.Services.AddSingleton<IExchange>(connection.Exchange);
        builder.Services.AddSingleton(connection.MarketClock);
        builder.Services.AddTradingGrains(builder.Configuration, Path.GetFullPath(options.DataDirectory));
        builder.Services.AddHostedService<TradingHostedService>();
        builder.Services.AddHostedService<AlertBridge>();
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
