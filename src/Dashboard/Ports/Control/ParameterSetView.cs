namespace TradingBot.Dashboard.Ports.Control;

/// <summary>All parameters: operational ones are editable, core ones need a restart.</summary>
public sealed record ParameterSetView(IReadOnlyList<OperationalParameterView> Operational, IReadOnlyList<CoreParameterView> Core);
