using TradingBot.Backtest.Data;

namespace TradingBot.Backtest.Lookahead;

/// <summary>
/// The look-ahead check: generate signals once on the full data, then again on data cut at many points — evenly
/// spaced cuts plus a cut right after every signal's bar — and compare. Unlike freqtrade's lookahead-analysis it checks
/// every signal up to each cut in both directions (a signal that disappears or one that only appears without the
/// future), not just the signals that fired, and compares every timeframe's full indicator snapshot at the cut.
/// </summary>
public static class LookaheadAnalyzer
{
    /// <summary>Generates signals over a data set and snapshot digests after the minutes closing at the capture times.</summary>
    public delegate (List<ReplayedSignal> Signals, Dictionary<string, string> Digests) SignalSource(MarketDataSet data, IReadOnlyCollection<long> captureAt);

    public static LookaheadReport Analyze(MarketDataSet data, IReadOnlyList<string> strategies, int warmupBars, int evenCuts, int maxSignalCuts, IProgress<string>? progress = null) =>
        Analyze(data, strategies, evenCuts, maxSignalCuts, (d, captures) => SignalReplay.Run(d, strategies, warmupBars, captures), progress);

    /// <summary>The check over any signal source (the grains' signal generation by default).</summary>
    public static LookaheadReport Analyze(MarketDataSet data, IReadOnlyList<string> strategies, int evenCuts, int maxSignalCuts, SignalSource source, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(source);
        var minute = (long)MarketDataSet.MinuteMs;
        var span = data.EndMs - data.StartMs;
        var cuts = new SortedSet<long>();
        for (var i = 1; i <= evenCuts; i++)
        {
            var cut = data.StartMs + (span * i / (evenCuts + 1));
            cuts.Add(cut - (cut % minute));
        }

        var (fullSignals, _) = source(data, []);
        foreach (var signal in fullSignals.Take(maxSignalCuts))
        {
            // The signal is stamped at its bar's close: the data cut there holds the bar and nothing after it.
            cuts.Add(signal.At.ToUnixTimeMilliseconds());
        }

        cuts.RemoveWhere(c => c <= data.StartMs || c >= data.EndMs);
        var (_, fullDigests) = source(data, cuts);
        var differences = new List<LookaheadDifference>();
        var checkedSignals = 0;
        var checkedSnapshots = 0;
        var done = 0;
        foreach (var cut in cuts)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(cut);
            var (cutSignals, cutDigests) = source(data.TruncatedAt(cut), [cut]);
            var expected = fullSignals.Where(s => s.At.ToUnixTimeMilliseconds() <= cut).ToDictionary(s => s.Key, StringComparer.Ordinal);
            var actual = cutSignals.ToDictionary(s => s.Key, StringComparer.Ordinal);
            checkedSignals += expected.Count;
            foreach (var (key, signal) in expected)
            {
                if (!actual.TryGetValue(key, out var other))
                {
                    differences.Add(new LookaheadDifference(at, "signal missing", $"{signal} fires only when later data exists"));
                }
                else if (other != signal)
                {
                    differences.Add(new LookaheadDifference(at, "signal changed", $"full: {signal}; cut: {other}"));
                }
            }

            foreach (var (key, signal) in actual)
            {
                if (!expected.ContainsKey(key))
                {
                    differences.Add(new LookaheadDifference(at, "signal added", $"{signal} fires only when later data is absent"));
                }
            }

            foreach (var (key, digest) in cutDigests)
            {
                checkedSnapshots++;
                if (!fullDigests.TryGetValue(key, out var full) || full != digest)
                {
                    differences.Add(new LookaheadDifference(at, "indicator changed", $"{key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]} snapshot at the cut differs from the full run's"));
                }
            }

            progress?.Report($"cut {++done}/{cuts.Count} at {at:yyyy-MM-dd HH:mm}: {differences.Count} difference(s) so far");
        }

        return new LookaheadReport(DateTimeOffset.FromUnixTimeMilliseconds(data.StartMs), DateTimeOffset.FromUnixTimeMilliseconds(data.EndMs), strategies,
            cuts.Select(DateTimeOffset.FromUnixTimeMilliseconds).ToArray(), fullSignals.Count, checkedSignals, checkedSnapshots, differences);
    }
}
