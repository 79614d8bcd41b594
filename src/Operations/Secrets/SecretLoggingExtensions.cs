using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace TradingBot.Operations.Secrets;

/// <summary>Serilog wiring: <c>.WriteTo.Redacted(redactor, w =&gt; w.Console().WriteTo.File(...))</c>.</summary>
public static class SecretLoggingExtensions
{
    /// <summary>Every sink configured inside <paramref name="configure"/> receives scrubbed events only.</summary>
    public static LoggerConfiguration Redacted(
        this LoggerSinkConfiguration sinks,
        SecretRedactor redactor,
        Action<LoggerSinkConfiguration> configure)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(configure);
        return LoggerSinkConfiguration.Wrap(sinks, inner => new RedactingSink(inner, redactor), configure, LevelAlias.Minimum, null);
    }
}
