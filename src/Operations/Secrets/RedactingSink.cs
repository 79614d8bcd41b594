using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace TradingBot.Operations.Secrets;

/// <summary>
/// Wraps the real sinks (console, file) and hands them a scrubbed copy of every event: message template text,
/// property values (recursively; values of properties whose name says "secret" are masked whole) and the
/// exception (message and stack trace). Install with <see cref="SecretLoggingExtensions.Redacted"/>.
/// </summary>
public sealed class RedactingSink : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser s_parser = new();
    private readonly ILogEventSink _inner;
    private readonly SecretRedactor _redactor;

    public RedactingSink(ILogEventSink inner, SecretRedactor redactor)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
    }

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        _inner.Emit(Scrub(logEvent));
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    /// <summary>The scrubbed copy of an event (the original is left untouched for other sinks).</summary>
    public LogEvent Scrub(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var templateText = _redactor.Redact(logEvent.MessageTemplate.Text);
        var template = string.Equals(templateText, logEvent.MessageTemplate.Text, StringComparison.Ordinal)
            ? logEvent.MessageTemplate
            : s_parser.Parse(templateText);
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, ScrubProperty(p.Key, p.Value)));
        return new LogEvent(logEvent.Timestamp, logEvent.Level, ScrubException(logEvent.Exception), template, properties);
    }

    private LogEventPropertyValue ScrubProperty(string name, LogEventPropertyValue value) =>
        SecretRedactor.IsSecretName(name) ? new ScalarValue(SecretRedactor.Mask) : ScrubValue(value);

    private LogEventPropertyValue ScrubValue(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: null or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum } => value,
        ScalarValue scalar => ScrubScalar(scalar),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(ScrubValue)),
        StructureValue structure => new StructureValue(
            structure.Properties.Select(p => new LogEventProperty(p.Name, ScrubProperty(p.Name, p.Value))),
            structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
            new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                e.Key,
                e.Key.Value is string key && SecretRedactor.IsSecretName(key) ? new ScalarValue(SecretRedactor.Mask) : ScrubValue(e.Value)))),
        _ => new ScalarValue(_redactor.Redact(value.ToString())),
    };

    private ScalarValue ScrubScalar(ScalarValue scalar)
    {
        var text = scalar.Value is string s ? s : Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        var redacted = _redactor.Redact(text);
        return string.Equals(redacted, text, StringComparison.Ordinal) && scalar.Value is string ? scalar : new ScalarValue(redacted);
    }

    private Exception? ScrubException(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var full = exception.ToString();
        var redacted = _redactor.Redact(full);
        return string.Equals(full, redacted, StringComparison.Ordinal)
            ? exception
            : new RedactedException(exception.GetType().FullName ?? "Exception", _redactor.Redact(exception.Message), redacted);
    }
}
