namespace TradingBot.Dashboard.Ports.Control;

/// <summary>A parameter that only changes with a restart (PRD §5.6.3); shown read-only. Never a secret.</summary>
/// <param name="Key">Configuration key, e.g. "symbols".</param>
/// <param name="Label">Human label.</param>
/// <param name="Value">Display text of the current value.</param>
public sealed record CoreParameterView(string Key, string Label, string Value);
