namespace TradingBot.Backtest.Data;

/// <summary>
/// Everything the backtest knows about the market: per symbol the 1m bars that drive time, the 15m and 1h bars the
/// exchange would serve as history (native files when given, else built from 1m), the gaps, and where trading may start
/// (after every timeframe has its warm-up history).
/// </summary>
public sealed class MarketDataSet
{
    public const int MinuteMs = 60_000;
    private readonly Dictionary<string, SymbolData> _symbols;

    private MarketDataSet(Dictionary<string, SymbolData> symbols, long startMs, long endMs, IReadOnlyList<Gap> gaps, IReadOnlyList<string> notes)
    {
        _symbols = symbols;
        StartMs = startMs;
        EndMs = endMs;
        Gaps = gaps;
        Notes = notes;
    }

    /// <summary>Symbols in ordinal order (the order candles of one minute are processed in).</summary>
    public IReadOnlyList<string> Symbols => [.. _symbols.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Open time of the first tradable 1m bar (warm-up ends here).</summary>
    public long StartMs { get; }

    /// <summary>Exclusive end of the run (open time bound).</summary>
    public long EndMs { get; }

    /// <summary>Gaps in the 1m data of the run, all symbols.</summary>
    public IReadOnlyList<Gap> Gaps { get; }

    /// <summary>What was loaded from where, for the report.</summary>
    public IReadOnlyList<string> Notes { get; }

    public SymbolData this[string symbol] => _symbols[symbol];

    public bool Contains(string symbol) => _symbols.ContainsKey(symbol);

    /// <summary>Number of 1m bars from <see cref="StartMs"/> to <see cref="EndMs"/> over all symbols.</summary>
    public long RunBarCount => _symbols.Values.Sum(s => (long)(s.Minutes.LowerBound(EndMs) - s.Minutes.LowerBound(StartMs)));

    /// <summary>
    /// Loads candle files (paths or folders). Symbols come from the file names unless <paramref name="symbols"/> is given.
    /// Every traded symbol needs a 1m file; 15m/1h files are used as native history when present.
    /// </summary>
    /// <exception cref="BacktestInputException">Unknown symbol, unreadable file, nothing in range, not enough warm-up history.</exception>
    public static MarketDataSet Load(IReadOnlyList<string> paths, IReadOnlyList<string>? symbols, DateTimeOffset? from, DateTimeOffset? to, int warmupBars)
    {
        var files = CandleFileName.Expand(paths);
        if (files.Count == 0)
        {
            throw new BacktestInputException($"No candle files found in {string.Join(", ", paths)} (expected *.csv or *.csv.gz named like BTCUSDT-1m-….csv.gz).");
        }

        var parsed = new List<CandleFileName>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new BacktestInputException($"Candle file not found: {file}");
            }

            parsed.Add(CandleFileName.Parse(file) ?? throw new BacktestInputException(
                $"Cannot tell the symbol from the file name '{Path.GetFileName(file)}' (expected e.g. BTCUSDT-1m-….csv.gz)."));
        }

        var wanted = symbols is { Count: > 0 } ? symbols.Select(s => s.Trim().ToUpperInvariant()).Distinct().ToArray() : parsed.Select(p => p.Symbol).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var symbol in wanted)
        {
            if (!parsed.Any(p => p.Symbol == symbol))
            {
                throw new BacktestInputException($"Unknown symbol {symbol}: no candle file for it among {string.Join(", ", parsed.Select(p => Path.GetFileName(p.Path)))}.");
            }

            if (!parsed.Any(p => p.Symbol == symbol && p.IntervalMinutes == 1))
            {
                throw new BacktestInputException($"{symbol}: no 1m file. The bot is driven by closed 1m candles (15m and 1h are built from them as live), so a 1m file is required.");
            }
        }

        // Load a warm-up allowance before --from: enough 1m history to build the 1h warm-up from minutes.
        var fromMs = from?.ToUnixTimeMilliseconds();
        var toMs = to?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        if (fromMs is { } f && f >= toMs)
        {
            throw new BacktestInputException($"Empty range: --from {from:yyyy-MM-dd HH:mm} is not before --to {to:yyyy-MM-dd HH:mm}.");
        }

        var allowanceMs = ((long)warmupBars + 2) * 60 * MinuteMs;
        var loadFrom = fromMs is { } ff ? ff - allowanceMs : long.MinValue;
        var data = new Dictionary<string, SymbolData>(StringComparer.Ordinal);
        var notes = new List<string>();
        var loads = wanted.SelectMany(symbol => parsed.Where(p => p.Symbol == symbol && p.IntervalMinutes is 1 or 15 or 60)).ToArray();
        var loaded = new (CandleFileName File, Bar[] Bars)[loads.Length];
        try
        {
            Parallel.For(0, loads.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
            {
                var intervalMs = loads[i].IntervalMinutes!.Value * (long)MinuteMs;
                loaded[i] = (loads[i], CandleCsvReader.Read(loads[i].Path, loadFrom == long.MinValue ? long.MinValue : loadFrom - intervalMs, toMs));
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is InvalidDataException))
        {
            throw new BacktestInputException(ex.InnerExceptions[0].Message);
        }

        foreach (var symbol in wanted)
        {
            var minutesFiles = loaded.Where(l => l.File.Symbol == symbol && l.File.IntervalMinutes == 1).ToArray();
            var minutes = Merge(minutesFiles.Select(l => l.Bars), out var overlaps);
            if (minutes.Length == 0)
            {
                throw new BacktestInputException($"{symbol}: the 1m file(s) have no bars in the requested range.");
            }

            if (overlaps > 0)
            {
                notes.Add($"{symbol}: {overlaps} duplicate 1m bar(s) across files ignored");
            }

            var m1 = new BarSeries(symbol, 1, minutes, string.Join("+", minutesFiles.Select(l => Path.GetFileName(l.File.Path))));
            var m15 = Native(loaded, symbol, 15) ?? new BarSeries(symbol, 15, BarAggregator.Aggregate(minutes, 15), "built from 1m");
            var h1 = Native(loaded, symbol, 60) ?? new BarSeries(symbol, 60, BarAggregator.Aggregate(minutes, 60), "built from 1m");
            data[symbol] = new SymbolData(symbol, m1, m15, h1);
            notes.Add($"{symbol}: 1m {m1.Source}; 15m {m15.Source}; 1h {h1.Source}");
        }

        // Trading starts once every timeframe of every symbol has warmupBars closed bars, on an hour boundary.
        var ready = data.Values.Max(s => new[] { s.Minutes, s.Quarter, s.Hour }.Max(series => ReadyAt(series, warmupBars)));
        if (ready == long.MaxValue)
        {
            var shortSymbol = data.Values.First(s => new[] { s.Minutes, s.Quarter, s.Hour }.Any(series => ReadyAt(series, warmupBars) == long.MaxValue));
            throw new BacktestInputException($"{shortSymbol.Symbol}: not enough history for the warm-up ({warmupBars} bars of 1m, 15m and 1h; the 1h warm-up alone needs {warmupBars} hours of data before the first trade).");
        }

        var start = Math.Max(fromMs ?? long.MinValue, AlignUp(ready, 60L * MinuteMs));
        var lastOpen = data.Values.Max(s => s.Minutes.Bars[^1].OpenMs);
        var end = Math.Min(toMs, lastOpen + MinuteMs);
        if (start >= end)
        {
            throw new BacktestInputException(
                $"Empty range: after the warm-up ({warmupBars} bars per timeframe) trading could start at {Format(start)}, but the data/--to end at {Format(end)}.");
        }

        var gaps = new List<Gap>();
        foreach (var symbol in data.Values)
        {
            var bars = symbol.Minutes.Bars;
            var i = Math.Max(1, symbol.Minutes.LowerBound(start));
            var stop = symbol.Minutes.LowerBound(end);
            for (; i < stop; i++)
            {
                var step = bars[i].OpenMs - bars[i - 1].OpenMs;
                if (step != MinuteMs)
                {
                    gaps.Add(new Gap(symbol.Symbol, bars[i - 1].OpenMs, bars[i].OpenMs, (step / MinuteMs) - 1));
                }
            }
        }

        return new MarketDataSet(data, start, end, gaps, notes);
    }

    /// <summary>Builds a data set from bars already in memory (tests, look-ahead truncation).</summary>
    public static MarketDataSet FromBars(IReadOnlyDictionary<string, Bar[]> minutes, long startMs, long endMs)
    {
        var data = minutes.ToDictionary(
            kv => kv.Key,
            kv => new SymbolData(kv.Key, new BarSeries(kv.Key, 1, kv.Value, "memory"), new BarSeries(kv.Key, 15, BarAggregator.Aggregate(kv.Value, 15), "built from 1m"),
                new BarSeries(kv.Key, 60, BarAggregator.Aggregate(kv.Value, 60), "built from 1m")),
            StringComparer.Ordinal);
        var gaps = new List<Gap>();
        foreach (var (symbol, bars) in minutes)
        {
            for (var i = 1; i < bars.Length; i++)
            {
                if (bars[i].OpenMs >= startMs && bars[i].OpenMs < endMs && bars[i].OpenMs - bars[i - 1].OpenMs != MinuteMs)
                {
                    gaps.Add(new Gap(symbol, bars[i - 1].OpenMs, bars[i].OpenMs, ((bars[i].OpenMs - bars[i - 1].OpenMs) / MinuteMs) - 1));
                }
            }
        }

        return new MarketDataSet(data, startMs, endMs, gaps, ["in-memory bars"]);
    }

    /// <summary>A copy whose data ends (exclusive) at <paramref name="cutMs"/>: nothing after the cut exists.</summary>
    public MarketDataSet TruncatedAt(long cutMs)
    {
        var minutes = _symbols.ToDictionary(kv => kv.Key, kv => kv.Value.Minutes.Bars[..kv.Value.Minutes.LowerBound(cutMs)], StringComparer.Ordinal);
        return FromBars(minutes, StartMs, Math.Min(EndMs, cutMs));
    }

    private static BarSeries? Native((CandleFileName File, Bar[] Bars)[] loaded, string symbol, int minutes)
    {
        var files = loaded.Where(l => l.File.Symbol == symbol && l.File.IntervalMinutes == minutes).ToArray();
        if (files.Length == 0)
        {
            return null;
        }

        return new BarSeries(symbol, minutes, Merge(files.Select(f => f.Bars), out _), string.Join("+", files.Select(f => Path.GetFileName(f.File.Path))) + " (native)");
    }

    private static Bar[] Merge(IEnumerable<Bar[]> parts, out int duplicates)
    {
        var arrays = parts.ToArray();
        duplicates = 0;
        if (arrays.Length == 1)
        {
            return arrays[0];
        }

        var all = arrays.SelectMany(a => a).OrderBy(b => b.OpenMs).ToList();
        var result = new List<Bar>(all.Count);
        foreach (var bar in all)
        {
            if (result.Count > 0 && result[^1].OpenMs == bar.OpenMs)
            {
                duplicates++;
                continue;
            }

            result.Add(bar);
        }

        return [.. result];
    }

    /// <summary>Time at which <paramref name="count"/> bars of the series have closed (long.MaxValue if never).</summary>
    private static long ReadyAt(BarSeries series, int count) =>
        series.Bars.Length < count ? long.MaxValue : series.Bars[count - 1].OpenMs + series.IntervalMs;

    private static long AlignUp(long ms, long unit) => ms % unit == 0 ? ms : ((ms / unit) + 1) * unit;

    private static string Format(long ms) => ms == long.MaxValue ? "the end of time" : DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Bars of one symbol for each timeframe the bot uses.</summary>
public sealed record SymbolData(string Symbol, BarSeries Minutes, BarSeries Quarter, BarSeries Hour)
{
    public BarSeries For(int intervalMinutes) => intervalMinutes switch
    {
        1 => Minutes,
        15 => Quarter,
        60 => Hour,
        _ => throw new ArgumentOutOfRangeException(nameof(intervalMinutes), intervalMinutes, "Only 1m, 15m and 1h are served."),
    };
}
