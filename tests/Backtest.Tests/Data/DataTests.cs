using TradingBot.Backtest.Data;
using TradingBot.Backtest.Tests.Support;

namespace TradingBot.Backtest.Tests.Data;

public sealed class DataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bt-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("BTCUSDT-1m-spot-20220101-20240625.csv.gz", "BTCUSDT", 1)]
    [InlineData("ethusdt-15m-futures-2024.csv", "ETHUSDT", 15)]
    [InlineData("BTCUSDT-1h-futures-2020-2025.csv.gz", "BTCUSDT", 60)]
    [InlineData("BTCUSDT-funding.csv", "BTCUSDT", null)]
    public void File_names_give_symbol_and_interval(string name, string symbol, int? minutes)
    {
        var parsed = CandleFileName.Parse(Path.Combine("/data", name))!;

        parsed.Symbol.Should().Be(symbol);
        parsed.IntervalMinutes.Should().Be(minutes);
    }

    [Fact]
    public void Constant_funding_settles_every_8_hours_at_00_08_16_utc()
    {
        var schedule = FundingSchedule.Constant(0.0001m);

        var settlements = schedule.Between("BTCUSDT", Ms.Of(2024, 1, 1, 7, 59), Ms.Of(2024, 1, 2, 0, 0)).ToList();

        settlements.Select(s => s.TimeMs).Should().Equal(Ms.Of(2024, 1, 1, 8), Ms.Of(2024, 1, 1, 16), Ms.Of(2024, 1, 2, 0));
        settlements.Should().OnlyContain(s => s.Rate == 0.0001m);
    }

    [Fact]
    public void Funding_from_a_file_settles_at_the_times_in_the_file_whatever_the_schedule()
    {
        var path = Path.Combine(_folder, "BTCUSDT-funding.csv");
        File.WriteAllText(path, $"funding_time,rate\n{Ms.Of(2024, 1, 1, 4)},0.0003\n{Ms.Of(2024, 1, 1, 8)},-0.0001\n{Ms.Of(2024, 1, 1, 9)},0.00005\n");

        var schedule = FundingSchedule.Load([path]);

        schedule.Between("BTCUSDT", Ms.Of(2024, 1, 1, 3, 59), Ms.Of(2024, 1, 1, 8, 0)).Should().Equal((Ms.Of(2024, 1, 1, 4), 0.0003m), (Ms.Of(2024, 1, 1, 8), -0.0001m));
        schedule.Between("BTCUSDT", Ms.Of(2024, 1, 1, 8, 0), Ms.Of(2024, 1, 1, 9, 0)).Should().Equal((Ms.Of(2024, 1, 1, 9), 0.00005m));
        schedule.Between("ETHUSDT", 0, long.MaxValue).Should().BeEmpty();
    }

    [Fact]
    public void Higher_timeframes_are_built_from_1m_like_the_exchange()
    {
        var start = Ms.Of(2024, 1, 1);
        Bar[] minutes =
        [
            new(start, 10m, 12m, 9m, 11m, 1m),
            new(start + 60_000, 11m, 15m, 10m, 14m, 2m),
            new(start + (15 * 60_000), 14m, 14m, 8m, 9m, 3m),
        ];

        var quarters = BarAggregator.Aggregate(minutes, 15);

        quarters.Should().Equal(new Bar(start, 10m, 15m, 9m, 14m, 3m), new Bar(start + (15 * 60_000), 14m, 14m, 8m, 9m, 3m));
    }

    [Fact]
    public void Warm_up_decides_where_trading_starts_and_gaps_are_listed()
    {
        var bars = TestData.RandomWalk(Ms.Of(2024, 1, 1), 31_000);
        bars.RemoveRange(30_500, 3);
        TestData.Write(_folder, "BTCUSDT-1m-walk.csv", bars, gzip: false);

        var data = MarketDataSet.Load([_folder], null, null, null, 500);

        // 500 hourly bars built from 1m close at 2024-01-21 20:00.
        data.StartMs.Should().Be(Ms.Of(2024, 1, 21, 20));
        data.Gaps.Should().ContainSingle().Which.MissingBars.Should().Be(3);
        data.RunBarCount.Should().Be(bars.Count(b => b.OpenMs >= data.StartMs));
    }
}
