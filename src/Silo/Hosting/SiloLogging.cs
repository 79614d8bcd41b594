using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;
using TradingBot.Operations.Secrets;

namespace TradingBot.Silo.Hosting;

/// <summary>Serilog: human-readable console, JSON lines in daily files kept 7 days.</summary>
internal static class SiloLogging
{
    public static Serilog.ILogger Create(SiloOptions options, SecretRedactor? redactor = null)
    {
        redactor ??= SecretRedactor.FromEnvironment();
        Directory.CreateDirectory(options.LogDirectory);
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Redacted(redactor, sinks => sinks
                .Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
                .WriteTo.File(
                    new JsonFormatter(renderMessage: true),
                    Path.Combine(options.LogDirectory, "trading-bot-.json"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 7))
            .CreateLogger();
    }
}
