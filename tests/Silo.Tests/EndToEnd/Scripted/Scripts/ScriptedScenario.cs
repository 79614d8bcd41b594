using TradingBot.Contracts.Market;

namespace TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;

/// <summary>
/// A hand-made market for one strategy and one outcome: quiet history with the strategy's pattern drawn into it,
/// the live minutes that complete the pattern, then the move that reaches the target or the stop.
/// </summary>
/// <param name="Name">e.g. "A-take-profit".</param>
/// <param name="Strategy">The strategy the pattern is drawn for.</param>
/// <param name="HitsTarget">True when the tail runs through the take-profit, false when it runs through the stop.</param>
/// <param name="Script">All minutes, history and live.</param>
/// <param name="LiveFrom">First minute the simulator replays; everything before is history (served as klines).</param>
/// <param name="TriggerClose">Close time of the bar at which the strategy must fire.</param>
/// <param name="Entry">The trigger bar's close, by construction.</param>
/// <param name="StructuralLevel">The level the stop sits beyond (zone far side or sweep wick).</param>
/// <param name="Target">The liquidity pool the take-profit aims at.</param>
internal sealed record ScriptedScenario(
    string Name,
    string Strategy,
    bool HitsTarget,
    CandleScript Script,
    DateTimeOffset LiveFrom,
    DateTimeOffset TriggerClose,
    decimal Entry,
    decimal StructuralLevel,
    decimal Target)
{
    /// <summary>The default stop tolerance of docs/strategies.md (0.2 %).</summary>
    public const decimal StopTolerance = 0.002m;

    public string Symbol => Script.Symbol;

    /// <summary>All scripted patterns are longs.</summary>
    public Direction Direction => Direction.Bullish;

    /// <summary>Stop of the signal before tick rounding: the structural level pushed out by the tolerance.</summary>
    public decimal SignalStop => StructuralLevel * (1m - StopTolerance);

    public IEnumerable<Candle> History => Script.Minutes.Where(m => m.OpenTime < LiveFrom);

    public IEnumerable<Candle> Live => Script.Minutes.Where(m => m.OpenTime >= LiveFrom);

    public override string ToString() => Name;
}
