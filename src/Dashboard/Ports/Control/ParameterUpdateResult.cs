namespace TradingBot.Dashboard.Ports.Control;

/// <summary>Outcome of setting operational parameters: all applied, or none with the reasons.</summary>
/// <param name="Errors">Empty when applied.</param>
/// <param name="Current">The parameters after the call.</param>
public sealed record ParameterUpdateResult(IReadOnlyList<ParameterValidationError> Errors, ParameterSetView Current)
{
    public bool Applied => Errors.Count == 0;
}
