namespace TradingBot.Contracts.Market;

/// <summary>A close beyond the latest confirmed swing of one side.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Timeframe">Timeframe of the break.</param>
/// <param name="Kind">BOS or CHoCH.</param>
/// <param name="Direction">Bullish when a swing high was broken upwards.</param>
/// <param name="Level">The broken swing level.</param>
/// <param name="At">Close time of the breaking bar.</param>
public sealed record StructureBreak(string Id, Timeframe Timeframe, StructureBreakKind Kind, Direction Direction, decimal Level, DateTimeOffset At);
