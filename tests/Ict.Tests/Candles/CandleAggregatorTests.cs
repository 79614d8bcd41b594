using TradingBot.Ict.Candles;

namespace TradingBot.Ict.Tests.Candles;

public sealed class CandleAggregatorTests
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Candle Minute(int i, double price) => Candle.At(Start.AddMinutes(i), price, price + 1, price - 1, price + 0.5, 2);

    [Fact]
    public void Fifteen_minutes_make_one_candle_emitted_at_the_last_minute()
    {
        var aggregator = new CandleAggregator(Timeframe.M15);
        for (var i = 0; i < 14; i++)
        {
            aggregator.Add(Minute(i, 100 + i)).Count.Should().Be(0);
        }

        var result = aggregator.Add(Minute(14, 90));
        result.Count.Should().Be(1);
        result.FirstComplete.Should().BeTrue();
        result.First.Should().Be(new Candle(Minute(0, 0).OpenTimeMs, 100, 114, 89, 90.5, 30));
    }

    [Fact]
    public void A_missing_last_minute_is_reported_and_the_bucket_closes_incomplete_on_the_next_bucket()
    {
        var aggregator = new CandleAggregator(Timeframe.M15);
        for (var i = 0; i < 14; i++)
        {
            aggregator.Add(Minute(i, 100));
        }

        var result = aggregator.Add(Minute(15, 100));
        result.MissingBefore.Should().Be(1);
        result.Count.Should().Be(1);
        result.FirstComplete.Should().BeFalse();
        result.First.OpenTimeMs.Should().Be(Minute(0, 0).OpenTimeMs);
        result.First.Volume.Should().Be(28);
    }

    [Fact]
    public void A_lone_last_minute_after_a_gap_closes_both_buckets()
    {
        var aggregator = new CandleAggregator(Timeframe.M15);
        aggregator.Add(Minute(0, 100));
        var result = aggregator.Add(Minute(29, 200));
        result.Count.Should().Be(2);
        (result.FirstComplete, result.SecondComplete).Should().Be((false, false));
        result.Second.OpenTimeMs.Should().Be(Minute(15, 0).OpenTimeMs);
        result.MissingBefore.Should().Be(28);
    }

    [Fact]
    public void Out_of_order_minutes_are_rejected()
    {
        var aggregator = new CandleAggregator(Timeframe.H1);
        aggregator.Add(Minute(5, 100));
        var act = () => aggregator.Add(Minute(5, 100));
        act.Should().Throw<ArgumentException>();
    }
}
