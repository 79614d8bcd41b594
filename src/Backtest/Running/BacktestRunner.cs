using System.Diagnostics;
using TradingBot.Backtest.Data;
using TradingBot.Backtest.Results;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;
using TradingBot.Runtime.Streams;

namespace TradingBot.Backtest.Running;

/// <summary>
/// Replays 1m bars through the live grains. For each minute, in time order and symbol order: funding settles if due;
/// each symbol's bar path is walked through the exchange (resting stops/targets and liquidation trigger on it); the
/// clock moves to the bar's close; the closed bar goes to its SymbolGrain and the whole system runs to quiescence
/// (indicators → strategies → risk → orders → positions); then equity is recorded.
/// </summary>
public static class BacktestRunner
{

    /// <summary>Loads the data and runs.</summary>
    public static async Task<BacktestResult> RunAsync(BacktestRequest request, IProgress<BacktestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = MarketDataSet.Load(request.DataPaths, request.Symbols, request.From, request.To, request.WarmupBars);
        return await RunAsync(request, data, progress, cancellationToken);
    }

    /// <summary>Runs over data already loaded.</summary>
    public static async Task<BacktestResult> RunAsync(BacktestRequest request, MarketDataSet data, IProgress<BacktestProgress>? progress = null, CancellationToken cancellationToken = default, RunnerProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        Validate(request);
        var funding = request.FundingFiles.Count > 0 ? FundingSchedule.Load(request.FundingFiles) : FundingSchedule.Constant(request.FundingRate);
        var wall = Stopwatch.StartNew();
        var allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        var t0 = Stopwatch.GetTimestamp();
        await using var silo = await BacktestSilo.StartAsync(request, data);
        var t1 = Stopwatch.GetTimestamp();
        if (profile is not null)
        {
            profile.Startup += t1 - t0;
        }

        var exchange = silo.Exchange;
        var symbols = data.Symbols;
        var klines = symbols.Select(s => silo.Client.GetStreamProvider(StreamNames.Provider).GetStream<CandleClosed>(StreamId.Create(StreamNames.Klines, s))).ToArray();
        var series = symbols.Select(s => data[s].Minutes).ToArray();
        var cursor = series.Select(s => s.LowerBound(data.StartMs)).ToArray();
        var stops = series.Select(s => s.LowerBound(data.EndMs)).ToArray();
        var total = data.RunBarCount;
        var equity = new EquityTracker(request.InitialBalance, data.StartMs);
        var pending = new Task[symbols.Count];
        long done = 0;
        var lastReport = 0L;
        for (var minute = data.StartMs; minute < data.EndMs; minute += MarketDataSet.MinuteMs)
        {
            t0 = Stopwatch.GetTimestamp();
            if (funding.MayHaveBetween(minute - MarketDataSet.MinuteMs, minute))
            {
                for (var i = 0; i < symbols.Count; i++)
                {
                    foreach (var (time, rate) in funding.Between(symbols[i], minute - MarketDataSet.MinuteMs, minute))
                    {
                        await exchange.SettleFundingAsync(symbols[i], time, rate);
                    }
                }
            }

            exchange.CompactIfFlat();
            t1 = Stopwatch.GetTimestamp();
            var any = false;
            for (var i = 0; i < symbols.Count; i++)
            {
                var bars = series[i].Bars;
                if (cursor[i] < stops[i] && bars[cursor[i]].OpenMs == minute)
                {
                    Bar? next = cursor[i] + 1 < stops[i] ? bars[cursor[i] + 1] : null;
                    await exchange.ApplyBarAsync(symbols[i], bars[cursor[i]], next);
                    any = true;
                }
            }

            var t2 = Stopwatch.GetTimestamp();
            var close = minute + MarketDataSet.MinuteMs;
            await silo.Runtime.AdvanceTimeAsync(DateTimeOffset.FromUnixTimeMilliseconds(close) - silo.Clock.GetUtcNow());
            var t3 = Stopwatch.GetTimestamp();
            if (any)
            {
                for (var i = 0; i < symbols.Count; i++)
                {
                    pending[i] = Task.CompletedTask;
                    var bars = series[i].Bars;
                    if (cursor[i] < stops[i] && bars[cursor[i]].OpenMs == minute)
                    {
                        var b = bars[cursor[i]];
                        var candle = new Candle(symbols[i], Timeframe.M1, DateTimeOffset.FromUnixTimeMilliseconds(b.OpenMs), b.Open, b.High, b.Low, b.Close, b.Volume);
                        // The klines stream, as the exchange gateway feeds it live (measured ~10 % faster than a direct call per symbol).
                        pending[i] = klines[i].OnNextAsync(new CandleClosed(candle));
                        cursor[i]++;
                        done++;
                    }
                }

                await silo.Runtime.RunUntilQuiescentAsync();

                for (var i = 0; i < symbols.Count; i++)
                {
                    await silo.DriveAsync(pending[i]);
                }

                // A failure of the indicator worker reaches a grain as an exception of its stream delivery (retried,
                // then dead-lettered); it must end the run instead.
                silo.Prefetch?.ThrowIfFailed();
            }

            var t4 = Stopwatch.GetTimestamp();
            equity.Record(close, exchange.Equity, exchange.InMarket);
            if (profile is not null)
            {
                profile.Funding += t1 - t0;
                profile.Paths += t2 - t1;
                profile.Clock += t3 - t2;
                profile.Grains += t4 - t3;
                profile.Equity += Stopwatch.GetTimestamp() - t4;
            }
            if (done - lastReport >= 20_000 || close >= data.EndMs)
            {
                lastReport = done;
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new BacktestProgress(done, total, wall.Elapsed, DateTimeOffset.FromUnixTimeMilliseconds(close)));
            }
        }

        if (profile is not null)
        {
            profile.Allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart;
            if (silo.Prefetch is { } prefetch)
            {
                profile.Prefetch = prefetch.Stats();
            }
        }

        return Summarize(request, data, funding, silo, equity, done, wall);
    }

    /// <summary>Metrics of the whole run and of each strategy and symbol, the trade list and the fingerprint.</summary>
    private static BacktestResult Summarize(BacktestRequest request, MarketDataSet data, FundingSchedule funding, BacktestSilo silo, EquityTracker equity, long done, Stopwatch wall)
    {
        var symbols = data.Symbols;
        var start = DateTimeOffset.FromUnixTimeMilliseconds(data.StartMs);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(data.EndMs);
        var collector = silo.Collector;
        var closed = collector.Trades.ToList();
        var open = collector.MarkOpenPositions(end, s => LastClose(data[s], data.EndMs)).ToList();
        var summary = equity.Finish(data.EndMs);
        var overall = MetricsCalculator.Compute(closed, request.InitialBalance, start, end, summary);
        var byStrategy = request.Strategies.ToDictionary(
            s => s,
            s => Slice(closed.Where(t => t.Strategy == s).ToList(), request.InitialBalance, start, end),
            StringComparer.Ordinal);
        var bySymbol = symbols.ToDictionary(
            s => s,
            s => Slice(closed.Where(t => t.Symbol == s).ToList(), request.InitialBalance, start, end),
            StringComparer.Ordinal);
        var trades = closed.Concat(open).ToList();
        wall.Stop();
        return new BacktestResult
        {
            RunId = $"bt-{start:yyyyMMdd}-{end:yyyyMMdd}-{string.Join("", request.Strategies)}-{Guid.NewGuid():N}"[..48],
            Strategies = request.Strategies,
            Symbols = symbols,
            Start = start,
            End = end,
            InitialBalance = request.InitialBalance,
            FinalEquity = summary.Final,
            Overall = overall,
            ByStrategy = byStrategy,
            BySymbol = bySymbol,
            Trades = trades,
            Equity = equity.Points,
            Fingerprint = TradeFingerprint.Compute(trades),
            FillModel = request.Fill.Describe(),
            Funding = funding.Description,
            Gaps = data.Gaps,
            DataNotes = data.Notes,
            WarmUp = $"{request.WarmupBars} closed bars per timeframe (1m, 15m, 1h) loaded by each SymbolGrain before the first tradable bar {start:yyyy-MM-dd HH:mm} UTC; no trades before",
            CandlesProcessed = done,
            Signals = collector.Signals.Count,
            Refusals = collector.Refusals,
            Problems = silo.Problems.Messages,
            Wall = wall.Elapsed,
        };
    }

    private static PerformanceMetrics Slice(IReadOnlyList<TradeRecord> trades, decimal initial, DateTimeOffset start, DateTimeOffset end) =>
        MetricsCalculator.Compute(trades, initial, start, end, MetricsCalculator.ClosedTradeEquity(trades, initial, start, end));

    private static decimal LastClose(SymbolData data, long endMs)
    {
        var index = data.Minutes.LowerBound(endMs) - 1;
        return index >= 0 ? data.Minutes.Bars[index].Close : 0;
    }

    private static void Validate(BacktestRequest request)
    {
        var unknown = request.Strategies.Where(s => s is not ("A" or "B" or "C")).ToArray();
        if (unknown.Length > 0 || request.Strategies.Count == 0)
        {
            throw new BacktestInputException($"Unknown strategy {string.Join(", ", unknown)}: choose from A, B, C.");
        }

        if (request.InitialBalance <= 0)
        {
            throw new BacktestInputException("The initial balance must be positive.");
        }

        if (request.Fill.TakerFee < 0 || request.Fill.MakerFee < 0 || request.Fill.SlippageBps < 0 || request.Fill.VolatilitySlippageFraction < 0)
        {
            throw new BacktestInputException("Fees and slippage cannot be negative.");
        }
    }
}
