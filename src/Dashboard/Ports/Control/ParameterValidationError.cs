namespace TradingBot.Dashboard.Ports.Control;

/// <summary>Why one submitted parameter value was rejected.</summary>
/// <param name="Key">The parameter key as submitted.</param>
/// <param name="Message">Names the key and the allowed range, e.g. "stopLossTolerancePercent must be between 0.1 and 0.3 %".</param>
/// <param name="Min">Smallest allowed value when the key is known.</param>
/// <param name="Max">Largest allowed value when the key is known.</param>
public sealed record ParameterValidationError(string Key, string Message, decimal? Min, decimal? Max);
