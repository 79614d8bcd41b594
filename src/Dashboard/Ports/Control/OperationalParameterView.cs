namespace TradingBot.Dashboard.Ports.Control;

/// <summary>
/// A parameter that can change while the bot runs (PRD §5.6.3). The dashboard validates submitted
/// values against <paramref name="Min"/>..<paramref name="Max"/> before calling <see cref="IBotControl"/>.
/// </summary>
/// <param name="Key">Stable key, e.g. "stopLossTolerancePercent".</param>
/// <param name="Label">Human label.</param>
/// <param name="Value">Current value.</param>
/// <param name="Min">Smallest allowed value (inclusive).</param>
/// <param name="Max">Largest allowed value (inclusive).</param>
/// <param name="Step">Input step for the form.</param>
/// <param name="Unit">"%", "x", "USDT", ...</param>
/// <param name="Description">One sentence on what it does.</param>
public sealed record OperationalParameterView(
    string Key,
    string Label,
    decimal Value,
    decimal Min,
    decimal Max,
    decimal Step,
    string Unit,
    string Description);
