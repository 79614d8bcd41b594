namespace TradingBot.Dashboard.Ports.Control;

/// <summary>Outcome of a control command.</summary>
/// <param name="Succeeded">False when the bot refused (e.g. already stopped); the dashboard answers 409.</param>
/// <param name="Message">Operator-facing explanation; never a secret.</param>
public sealed record ControlResult(bool Succeeded, string Message)
{
    public static ControlResult Done(string message) => new(true, message);

    public static ControlResult Refused(string message) => new(false, message);
}
