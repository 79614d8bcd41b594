using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;

namespace TradingBot.Ict.Engine;

/// <summary>Result of one 1m candle across all timeframes.</summary>
/// <param name="Events">Events of every engine that processed a candle, in timeframe order (ZoneId.TimeframeMs tells which); valid until the next call.</param>
/// <param name="ChangedMask">Bit i set when engine i's snapshot changed.</param>
/// <param name="ClosedMask">Bit i set when engine i processed a candle.</param>
/// <param name="Status">Whether the 1m candle was accepted; a rejected minute (duplicate, out of order, invalid) touches no engine.</param>
public readonly record struct MultiTimeframeUpdate(ReadOnlyMemory<IctEvent> Events, int ChangedMask, int ClosedMask, IctUpdateStatus Status = IctUpdateStatus.Processed);

/// <summary>
/// Drives one engine per timeframe from closed 1m candles: the 1m engine directly, higher timeframes through
/// <see cref="CandleAggregator"/>s. Higher-timeframe candles are fed when they close, never partially.
/// </summary>
public sealed class MultiTimeframeIct
{
    private readonly IctEngine[] _engines;
    private readonly CandleAggregator?[] _aggregators;
    private readonly EventBuffer _events = new();

    /// <param name="options">One entry per timeframe; the first must be 1m, the others multiples of 1m (at most 31).</param>
    public MultiTimeframeIct(IReadOnlyList<IctOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count is 0 or > 31 || options[0].Timeframe != Timeframe.M1)
        {
            throw new ArgumentException("the first timeframe must be 1m (at most 31 timeframes)", nameof(options));
        }

        _engines = options.Select(o => new IctEngine(o)).ToArray();
        _aggregators = options.Select((o, i) => i == 0 ? null : new CandleAggregator(o.Timeframe)).ToArray();
    }

    /// <summary>1m, 15m and 1h engines with the per-timeframe defaults.</summary>
    public static MultiTimeframeIct Standard(string symbol) =>
        new([IctOptions.For(Timeframe.M1, symbol), IctOptions.For(Timeframe.M15, symbol), IctOptions.For(Timeframe.H1, symbol)]);

    public IReadOnlyList<IctEngine> Engines => _engines;

    public IctEngine Engine(Timeframe timeframe) => _engines.First(e => e.Options.Timeframe == timeframe);

    public MultiTimeframeUpdate OnMinuteClosed(in Candle minute)
    {
        _events.Clear();
        var changed = 0;
        var closed = 0;
        // The 1m engine validates the minute first; a rejected minute must not reach the aggregators.
        var status = Feed(0, in minute, ref changed, ref closed);
        if (status != IctUpdateStatus.Processed)
        {
            return new MultiTimeframeUpdate(ReadOnlyMemory<IctEvent>.Empty, 0, 0, status);
        }

        for (var i = 1; i < _engines.Length; i++)
        {
            var aggregator = _aggregators[i]!;

            var result = aggregator.Add(in minute);
            if (result.Count >= 1)
            {
                var first = result.First;
                Feed(i, in first, ref changed, ref closed);
            }

            if (result.Count == 2)
            {
                var second = result.Second;
                Feed(i, in second, ref changed, ref closed);
            }
        }

        return new MultiTimeframeUpdate(_events.Memory, changed, closed);
    }

    private IctUpdateStatus Feed(int i, in Candle candle, ref int changed, ref int closed)
    {
        var update = _engines[i].OnCandleClosed(in candle);
        if (!update.Accepted)
        {
            return update.Status;
        }

        closed |= 1 << i;
        if (update.SnapshotChanged)
        {
            changed |= 1 << i;
        }

        foreach (ref readonly var e in update.Events.Span)
        {
            _events.Add(in e);
        }

        return IctUpdateStatus.Processed;
    }
}
