using TradingBot.Backtest.Data;
using TradingBot.Backtest.Lookahead;
using TradingBot.Backtest.Tests.Support;

namespace TradingBot.Backtest.Tests.Lookahead;

public sealed class LookaheadTests
{
    [Fact]
    public void Signal_generation_on_truncated_data_matches_the_full_run()
    {
        var data = MarketDataSet.Load([TestData.CandlesFolder], null, new DateTimeOffset(2025, 5, 26, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 5, 30, 0, 0, 0, TimeSpan.Zero), 500);

        var report = LookaheadAnalyzer.Analyze(data, ["A", "B", "C"], 500, evenCuts: 3, maxSignalCuts: 3);

        report.Cuts.Count.Should().BeGreaterThan(3);
        report.SignalsInFullRun.Should().BeGreaterThan(0);
        report.SnapshotsChecked.Should().Be(report.Cuts.Count * 6);
        report.Differences.Should().BeEmpty();
    }

    [Fact]
    public void A_cut_through_the_data_set_really_removes_the_future()
    {
        var data = MarketDataSet.Load([TestData.CandlesFolder], null, new DateTimeOffset(2025, 5, 26, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 5, 30, 0, 0, 0, TimeSpan.Zero), 500);
        var cut = new DateTimeOffset(2025, 5, 27, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        var truncated = data.TruncatedAt(cut);

        truncated["BTCUSDT"].Minutes.Bars[^1].OpenMs.Should().Be(cut - 60_000);
        truncated.EndMs.Should().Be(cut);
        truncated.StartMs.Should().Be(data.StartMs);
    }
}

public sealed class LookaheadDetectionTests
{
    private static MarketDataSet Data()
    {
        var start = Ms.Of(2024, 1, 1);
        var bars = TestData.RandomWalk(start, 600).ToArray();
        return MarketDataSet.FromBars(new Dictionary<string, Bar[]> { ["BTCUSDT"] = bars }, start + (60 * 60_000), start + (600 * 60_000));
    }

    /// <summary>A "strategy" that signals at each hour when the LAST bar of its data is green: it reads the future.</summary>
    private static (List<ReplayedSignal>, Dictionary<string, string>) Cheating(MarketDataSet data, IReadOnlyCollection<long> captures)
    {
        var bars = data["BTCUSDT"].Minutes.Bars;
        var future = bars[^1].IsGreen;
        var signals = new List<ReplayedSignal>();
        for (var t = data.StartMs + 3_600_000; t <= data.EndMs; t += 3_600_000)
        {
            signals.Add(new ReplayedSignal("A", "BTCUSDT", DateTimeOffset.FromUnixTimeMilliseconds(t), future ? "Bullish" : "Bearish", 1m, 0.9m, 1.2m, "x"));
        }

        return (signals, captures.ToDictionary(c => $"{c} BTCUSDT 1m", c => future.ToString(), StringComparer.Ordinal));
    }

    /// <summary>An honest one: its output at t depends only on bars before t.</summary>
    private static (List<ReplayedSignal>, Dictionary<string, string>) Honest(MarketDataSet data, IReadOnlyCollection<long> captures)
    {
        var series = data["BTCUSDT"].Minutes;
        var signals = new List<ReplayedSignal>();
        for (var t = data.StartMs + 3_600_000; t <= data.EndMs; t += 3_600_000)
        {
            var last = series.Bars[series.LowerBound(t) - 1];
            signals.Add(new ReplayedSignal("A", "BTCUSDT", DateTimeOffset.FromUnixTimeMilliseconds(t), last.IsGreen ? "Bullish" : "Bearish", last.Close, last.Low, last.High, "x"));
        }

        return (signals, captures.ToDictionary(c => $"{c} BTCUSDT 1m", c => series.Bars[series.LowerBound(c) - 1].Close.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal));
    }

    [Fact]
    public void A_signal_source_that_reads_the_future_is_caught()
    {
        var report = LookaheadAnalyzer.Analyze(Data(), ["A"], evenCuts: 5, maxSignalCuts: 5, Cheating);

        report.Clean.Should().BeFalse();
        report.Differences.Should().Contain(d => d.Kind == "signal changed" || d.Kind == "signal missing" || d.Kind == "signal added");
    }

    [Fact]
    public void A_causal_signal_source_passes()
    {
        var report = LookaheadAnalyzer.Analyze(Data(), ["A"], evenCuts: 5, maxSignalCuts: 5, Honest);

        report.Differences.Should().BeEmpty();
        report.SignalsChecked.Should().BeGreaterThan(0);
    }
}
