using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Replay;
using TradingBot.Exchange.Simulator.Server.Json;

namespace TradingBot.Exchange.Simulator.Venue;

public sealed partial class SimulatedExchange
{
    /// <summary>
    /// Replays every symbol up to <paramref name="time"/>: walks each bar's intrabar path through the engine, pushes kline
    /// updates (x=false at each path vertex, x=true at the bar's last millisecond) and markPrice updates, in time order.
    /// </summary>
    public void AdvanceMarketTo(DateTimeOffset time)
    {
        var target = time.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            try
            {
                while (NextPoint(target) is { } next)
                {
                    ProcessPoint(next.Feed, next.TimeMs, next.IsVertex);
                }

                if (target > MarketNowMs)
                {
                    MarketNowMs = target;
                    Engine.SetTime(DateTimeOffset.FromUnixTimeMilliseconds(target));
                }
            }
            finally
            {
                FlushUserEvents();
            }
        }
    }

    /// <summary>Scripted market: appends a bar (after the last known one) and replays it completely.</summary>
    public void PushCandle(string symbol, Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        lock (_gate)
        {
            var feed = Feed(symbol);
            if (feed.Candles.Count > 0 && candle.OpenTime <= feed.Candles[^1].OpenTime)
            {
                throw new ArgumentException("Pushed candles must be newer than every known candle.", nameof(candle));
            }

            if (candle.OpenTime % feed.BaseMs != 0)
            {
                throw new ArgumentException($"Candle open time must align to the {feed.BaseInterval} bar length.", nameof(candle));
            }

            feed.Candles.Add(candle);
        }

        AdvanceMarketTo(DateTimeOffset.FromUnixTimeMilliseconds(candle.OpenTime + Feed(symbol).BaseMs - 1));
    }

    /// <summary>Scripted market: moves last and mark price continuously to <paramref name="price"/> at market time (or <paramref name="at"/>).</summary>
    public void PushPrice(string symbol, decimal price, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            try
            {
                var time = Math.Max(MarketNowMs, at?.ToUnixTimeMilliseconds() ?? MarketNowMs);
                Engine.AdvanceTo(symbol, DateTimeOffset.FromUnixTimeMilliseconds(time), price, continuous: true);
                MarketNowMs = time;
                Feed(symbol).LastPrice = price;
                PublishMark(Feed(symbol), time, force: true);
            }
            finally
            {
                FlushUserEvents();
            }
        }
    }

    /// <summary>REST klines from the replayed history (closed bars plus the bar in progress; never the future).</summary>
    public IReadOnlyList<Candle> Klines(string symbol, TimeSpan interval, long? startTime, long? endTime, int limit)
    {
        lock (_gate)
        {
            var feed = Feed(symbol);
            var intervalMs = (long)interval.TotalMilliseconds;
            if (intervalMs % feed.BaseMs != 0)
            {
                throw new ExchangeRejectedException(-1120, "Invalid interval.");
            }

            // With startTime the first `limit` bars at or after it are served wherever they are (gaps and data that starts
            // later included); without it the last `limit` bars up to endTime (or now).
            long from, to;
            if (startTime is { } start)
            {
                from = KlineInterval.AlignDown(start, interval);
                to = endTime ?? long.MaxValue;
            }
            else
            {
                to = endTime ?? MarketNowMs;
                from = KlineInterval.AlignDown(to, interval) - (limit * intervalMs);
            }

            var closedCount = Math.Min(feed.Current, feed.Candles.Count);
            var index = LowerBound(feed.Candles, closedCount, from);
            var slice = new List<Candle>();
            var windows = 0;
            var lastWindow = long.MinValue;
            for (var i = index; i < closedCount && feed.Candles[i].OpenTime <= to; i++)
            {
                var window = KlineInterval.AlignDown(feed.Candles[i].OpenTime, interval);
                if (window != lastWindow)
                {
                    lastWindow = window;
                    if (++windows > limit + 1)
                    {
                        break;
                    }
                }

                slice.Add(feed.Candles[i]);
            }

            if (feed.Partial is { } partial && partial.OpenTime >= from && partial.OpenTime <= to && windows <= limit + 1)
            {
                slice.Add(partial);
            }

            // Binance serves the bar in progress as the last row and clients tell it apart by closeTime > serverTime.
            // When the replayed market time and the server clock disagree that test would call it closed, so the
            // open bar is only served when the server clock agrees it is still open.
            var serverNow = ServerNow.ToUnixTimeMilliseconds();
            var bars = CandleAggregator.Aggregate(slice, interval)
                .Where(c => (startTime is null || c.OpenTime >= startTime.Value) && c.OpenTime >= from)
                .Where(c => endTime is null || c.OpenTime <= endTime.Value)
                .Where(c => c.OpenTime + intervalMs - 1 <= MarketNowMs || c.OpenTime + intervalMs - 1 >= serverNow);
            return startTime is null ? bars.TakeLast(limit).ToArray() : bars.Take(limit).ToArray();
        }
    }

    /// <summary>Last replayed price of a symbol (0 before the first bar).</summary>
    public decimal LastPrice(string symbol)
    {
        lock (_gate)
        {
            return Engine.LastPrice(symbol);
        }
    }

    private static int LowerBound(CandleStore candles, int count, long openTime)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (candles.OpenTimeAt(mid) < openTime)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private SymbolFeed Feed(string symbol) =>
        _feeds.TryGetValue(symbol, out var feed) ? feed : throw Errors.InvalidSymbol();

    private (SymbolFeed Feed, long TimeMs, bool IsVertex)? NextPoint(long target)
    {
        (SymbolFeed Feed, long TimeMs, bool IsVertex)? best = null;
        foreach (var feed in _feeds.Values)
        {
            if (feed.Exhausted)
            {
                continue;
            }

            var candle = feed.Candles[feed.Current];
            feed.CurrentVertices ??= IntrabarPath.Vertices(candle, feed.BaseInterval, Engine.Options.IntrabarPath);
            var vertexTime = feed.CurrentVertices[feed.NextVertex].TimeMs;
            var candidate = (feed, vertexTime, true);
            if (feed.NextVertex > 0 && MarkTickMs(feed) is { } tickMs)
            {
                var tick = ((feed.LastPointMs / tickMs) + 1) * tickMs;
                if (tick < vertexTime)
                {
                    candidate = (feed, tick, false);
                }
            }

            if (candidate.Item2 <= target && (best is null || candidate.Item2 < best.Value.TimeMs))
            {
                best = candidate;
            }
        }

        return best;
    }

    private long? MarkTickMs(SymbolFeed feed)
    {
        if (_sink.HasSubscribers("market", feed.MarkStreamFast))
        {
            return 1000;
        }

        return _sink.HasSubscribers("market", feed.MarkStream) ? (long)Options.Replay.MarkPriceInterval.TotalMilliseconds : null;
    }

    private void ProcessPoint(SymbolFeed feed, long timeMs, bool isVertex)
    {
        var candle = feed.Candles[feed.Current];
        var vertices = feed.CurrentVertices!;
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timeMs);
        decimal price;
        if (isVertex)
        {
            var vertex = feed.NextVertex;
            price = vertices[vertex].Price;
            Engine.AdvanceTo(feed.Symbol, time, price, continuous: vertex > 0);
            feed.Partial = vertex == 0
                ? candle with { High = price, Low = price, Close = price, Volume = 0 }
                : vertex == vertices.Count - 1
                    ? candle
                    : feed.Partial! with
                    {
                        High = Math.Max(feed.Partial!.High, price),
                        Low = Math.Min(feed.Partial.Low, price),
                        Close = price,
                        Volume = candle.Volume * vertex / (vertices.Count - 1),
                    };
        }
        else
        {
            price = IntrabarPath.PriceAt(vertices, timeMs);
            Engine.AdvanceTo(feed.Symbol, time, price, continuous: true);
            feed.Partial = feed.Partial! with
            {
                High = Math.Max(feed.Partial.High, price),
                Low = Math.Min(feed.Partial.Low, price),
                Close = price,
            };
        }

        feed.LastPrice = price;
        feed.LastPointMs = timeMs;
        MarketNowMs = Math.Max(MarketNowMs, timeMs);
        PublishMark(feed, timeMs, force: false);
        if (!isVertex)
        {
            return;
        }

        var closing = feed.NextVertex == vertices.Count - 1;
        PublishKlines(feed, timeMs, closing);
        if (closing)
        {
            feed.Current++;
            feed.NextVertex = 0;
            feed.Partial = null;
            feed.CurrentVertices = null;
        }
        else
        {
            feed.NextVertex++;
        }
    }

    private void PublishKlines(SymbolFeed feed, long eventTime, bool baseClosing)
    {
        var spec = Engine.GetSymbol(feed.Symbol);
        var partial = feed.Partial!;
        var barEnd = partial.OpenTime + feed.BaseMs;
        foreach (var (name, length, stream) in feed.KlineStreams)
        {
            if (!_sink.HasSubscribers("market", stream))
            {
                continue;
            }

            var windowStart = KlineInterval.AlignDown(partial.OpenTime, length);
            var aggregate = partial with { OpenTime = windowStart };
            for (var i = Math.Min(feed.Current, feed.Candles.Count) - 1; i >= 0 && feed.Candles[i].OpenTime >= windowStart; i--)
            {
                aggregate = CandleAggregator.Merge(feed.Candles[i] with { OpenTime = windowStart }, aggregate) with { Open = feed.Candles[i].Open };
            }

            var closed = baseClosing && KlineInterval.AlignDown(barEnd, length) == barEnd;
            var json = EventShapes.Kline(feed.Symbol, name, aggregate, length, closed, eventTime, spec);
            PublishMarket(stream, json);
        }
    }

    private void PublishMark(SymbolFeed feed, long timeMs, bool force)
    {
        var fast = _sink.HasSubscribers("market", feed.MarkStreamFast);
        var slow = _sink.HasSubscribers("market", feed.MarkStream);
        if (!fast && !slow)
        {
            return;
        }

        var spec = Engine.GetSymbol(feed.Symbol);
        var json = EventShapes.MarkPrice(feed.Symbol, Engine.MarkPrice(feed.Symbol), Engine.Options.FundingRate, Engine.NextFundingTime.ToUnixTimeMilliseconds(), timeMs, spec);
        if (fast && (force || timeMs % 1000 == 0))
        {
            PublishMarket(feed.MarkStreamFast, json);
        }

        if (slow && (force || timeMs % (long)Options.Replay.MarkPriceInterval.TotalMilliseconds == 0))
        {
            PublishMarket(feed.MarkStream, json);
        }
    }

    private void PublishMarket(string stream, JsonObject json)
    {
        _sink.Publish("market", stream, json);
        if (Faults.RollDuplicateMarket())
        {
            _sink.Publish("market", stream, json);
        }
    }
}
