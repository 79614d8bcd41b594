using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Streams;

/// <summary>
/// Exactly-once, in-order delivery of closed candles per (symbol, interval). For each series it keeps a floor: the
/// smallest open time not yet delivered (last delivered + 1 ms, or the subscription's resume point). Older candles are
/// duplicates; a newer candle beyond the next expected one means a gap, which is filled from REST first.
/// Used only from the stream's single receive loop, so it needs no locking.
/// </summary>
internal sealed class KlineSequencer(IFuturesMarketData marketData, StreamCounters counters, ILogger logger)
{
    private readonly Dictionary<(string Symbol, KlineInterval Interval), DateTimeOffset> _floor = [];

    /// <summary>Starts a series after a known point: candles with open time after <paramref name="resumeAfter"/> will be delivered.</summary>
    public void Seed(string symbol, KlineInterval interval, DateTimeOffset resumeAfter) =>
        _floor[(symbol.ToUpperInvariant(), interval)] = resumeAfter.AddMilliseconds(1);

    /// <summary>Delivers a live closed candle, back-filling any gap first.</summary>
    public async Task OnLiveAsync(Kline kline, Func<StreamEvent, CancellationToken, ValueTask> deliver, CancellationToken cancellationToken)
    {
        var key = (kline.Symbol, kline.Interval);
        if (_floor.TryGetValue(key, out var floor))
        {
            if (kline.OpenTime < floor)
            {
                counters.Duplicate();
                return;
            }

            if (kline.OpenTime >= floor + kline.Interval.Duration())
            {
                await FillAsync(key, floor, kline.OpenTime.AddMilliseconds(-1), deliver, cancellationToken).ConfigureAwait(false);
            }
        }

        _floor[key] = kline.OpenTime.AddMilliseconds(1);
        await deliver(new KlineClosed(kline, IsBackfill: false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a (re)connect: fetches every known series' candles closed since its floor.</summary>
    public async Task BackfillAllAsync(Func<StreamEvent, CancellationToken, ValueTask> deliver, CancellationToken cancellationToken)
    {
        foreach (var (key, floor) in _floor.ToArray())
        {
            await FillAsync(key, floor, null, deliver, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FillAsync(
        (string Symbol, KlineInterval Interval) key,
        DateTimeOffset from,
        DateTimeOffset? to,
        Func<StreamEvent, CancellationToken, ValueTask> deliver,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<Kline> missed;
        try
        {
            missed = await marketData.GetKlinesAsync(new KlineQuery(key.Symbol, key.Interval, from, to), cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException ex)
        {
            // The next live candle retries the fill; never deliver out of order.
            logger.LogWarning(ex, "Back-fill {Symbol} {Interval} from {From:O} failed", key.Symbol, key.Interval, from);
            return;
        }

        foreach (var k in missed)
        {
            if (_floor.TryGetValue(key, out var floor) && k.OpenTime < floor)
            {
                counters.Duplicate();
                continue;
            }

            _floor[key] = k.OpenTime.AddMilliseconds(1);
            counters.Backfilled();
            await deliver(new KlineClosed(k, IsBackfill: true), cancellationToken).ConfigureAwait(false);
        }
    }
}
