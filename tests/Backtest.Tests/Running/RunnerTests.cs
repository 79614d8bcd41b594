using TradingBot.Backtest.Data;
using TradingBot.Backtest.Running;
using TradingBot.Backtest.Tests.Support;

namespace TradingBot.Backtest.Tests.Running;

/// <summary>The live grains over the bundled real BTCUSDT/ETHUSDT futures 1m candles.</summary>
public sealed class RunnerTests
{
    private static BacktestRequest Request(params string[] strategies) => new()
    {
        DataPaths = [TestData.CandlesFolder],
        From = new DateTimeOffset(2025, 5, 26, 0, 0, 0, TimeSpan.Zero),
        To = new DateTimeOffset(2025, 6, 6, 0, 0, 0, TimeSpan.Zero),
        Strategies = strategies.Length == 0 ? ["A", "B", "C"] : strategies,
    };

    [Fact]
    public async Task The_same_run_twice_gives_the_same_fingerprint()
    {
        var first = await BacktestRunner.RunAsync(Request());
        var second = await BacktestRunner.RunAsync(Request());

        first.Trades.Should().NotBeEmpty("the period has signals, so the fingerprint covers real trades");
        second.Fingerprint.Should().Be(first.Fingerprint);
        second.Trades.Should().Equal(first.Trades);
        second.FinalEquity.Should().Be(first.FinalEquity);
    }

    [Fact]
    public async Task Entries_fill_at_the_open_of_the_bar_after_the_signal_and_never_before_the_warm_up_ends()
    {
        var request = Request();
        var result = await BacktestRunner.RunAsync(request);
        var data = MarketDataSet.Load(request.DataPaths, null, request.From, request.To, request.WarmupBars);

        result.Trades.Should().NotBeEmpty();
        foreach (var trade in result.Trades)
        {
            trade.OpenedAt.Should().BeOnOrAfter(result.Start);
            var ms = trade.OpenedAt.ToUnixTimeMilliseconds();
            (ms % 60_000).Should().Be(0, "a market entry fills at a bar open time");
            var series = data[trade.Symbol].Minutes;
            var bar = series.Bars[series.LowerBound(ms)];
            bar.OpenMs.Should().Be(ms);
            var slip = bar.Open * 0.0001m;
            var tick = trade.Symbol == "BTCUSDT" ? 0.1m : 0.01m;
            trade.EntryPrice.Should().BeInRange(bar.Open - slip - tick, bar.Open + slip + tick, "the fill is the next open plus at most the fixed slippage");
        }
    }

    [Fact]
    public async Task Each_strategy_alone_and_together_reports_per_strategy_and_per_symbol_metrics()
    {
        var together = await BacktestRunner.RunAsync(Request());
        var alone = await BacktestRunner.RunAsync(Request("A"));

        together.ByStrategy.Keys.Should().BeEquivalentTo(["A", "B", "C"]);
        together.BySymbol.Keys.Should().BeEquivalentTo(["BTCUSDT", "ETHUSDT"]);
        together.ByStrategy.Values.Sum(m => m.Trades).Should().Be(together.Overall.Trades);
        alone.Trades.Should().OnlyContain(t => t.Strategy == "A");
        alone.Strategies.Should().Equal("A");
        together.Overall.FeesPaid.Should().BeGreaterThan(0);
        together.Equity.Should().NotBeEmpty();
        together.Equity[^1].Equity.Should().Be(together.FinalEquity);
    }

    [Fact]
    public async Task Funding_from_a_file_is_charged_to_the_positions_open_at_each_settlement()
    {
        var folder = Directory.CreateTempSubdirectory("bt-funding-").FullName;
        try
        {
            // A settlement every hour at 0.05 %: positions held across an hour boundary pay or receive.
            var path = Path.Combine(folder, "BTCUSDT-funding.csv");
            var lines = new List<string> { "funding_time,rate" };
            for (var t = new DateTimeOffset(2025, 5, 20, 0, 0, 0, TimeSpan.Zero); t < new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero); t = t.AddHours(1))
            {
                lines.Add($"{t.ToUnixTimeMilliseconds()},0.0005");
            }

            await File.WriteAllLinesAsync(path, lines);
            var result = await BacktestRunner.RunAsync(Request() with { FundingFiles = [path] });

            result.Funding.Should().Contain("BTCUSDT-funding.csv");
            var btc = result.Trades.Where(t => t.Symbol == "BTCUSDT" && !t.IsOpen).ToList();
            btc.Should().Contain(t => t.Funding != 0, "some BTCUSDT position is held across an hour boundary");
            result.Trades.Where(t => t.Symbol == "ETHUSDT").All(t => t.Funding == 0).Should().BeTrue("the file has no ETHUSDT rates");
            foreach (var trade in btc.Where(t => t.Funding != 0))
            {
                // Longs pay a positive rate, shorts receive it.
                Math.Sign(trade.Funding).Should().Be(trade.Direction == "Long" ? -1 : 1);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
