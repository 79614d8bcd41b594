using System.Collections.Immutable;
using TradingBot.Contracts.Market;
using TradingBot.Runtime;

namespace TradingBot.Contracts.Grains;

/// <summary>
/// One per symbol (key = symbol). Holds 1m/15m/1h candles and the causal ICT engines; publishes
/// <see cref="Events.CandleClosed"/> and <see cref="Events.IndicatorsUpdated"/> on its streams.
/// Closed 1m candles arrive on the <c>klines</c> stream; 15m and 1h candles are aggregated from them
/// exactly as the exchange does, so live trading and backtests see the same bars in the same order.
/// </summary>
public interface ISymbolGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain (history load) and returns its status.</summary>
    Task<SymbolStatus> StartAsync();

    /// <summary>A closed 1m candle (also delivered through the klines stream).</summary>
    Task OnCandleClosedAsync(Candle candle);

    [ReadOnly]
    Task<SymbolStatus> GetStatusAsync();

    /// <summary>The latest ICT snapshot of a timeframe, null before the first candle.</summary>
    [ReadOnly]
    Task<IndicatorSnapshot?> GetSnapshotAsync(Timeframe timeframe);

    /// <summary>The last <paramref name="count"/> closed candles of a timeframe, oldest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<Candle>> GetCandlesAsync(Timeframe timeframe, int count);
}
