using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using TradingBot.Dashboard.Health;

namespace TradingBot.Silo.Hosting;

/// <summary>Builds and runs the silo: configuration, logging, runtime, dashboard.</summary>
public static class SiloHost
{
    /// <summary>Builds the web application without starting it (tests start it themselves).</summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
            Args = [],
        });
        LoadDotEnv(Directory.GetCurrentDirectory());
        builder.Configuration.AddEnvironmentVariables("TRADINGBOT_");
        builder.Configuration.AddInMemoryCollection(overrides);

        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(SiloLogging.Create(options), dispose: true);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new SiloIdentity(options.Mode, InformationalVersion(), TimeProvider.System.GetUtcNow()));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();
        app.MapHealth();
        return app;
    }

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellation)
    {
        await using var app = Build(overrides);
        var options = app.Services.GetRequiredService<SiloOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TradingBot.Silo");
        await app.StartAsync(cancellation);
        logger.LogInformation("Silo started in {Mode} mode; dashboard and API on {Urls}", options.Mode, options.Urls);
        await app.WaitForShutdownAsync(cancellation);
        return 0;
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
