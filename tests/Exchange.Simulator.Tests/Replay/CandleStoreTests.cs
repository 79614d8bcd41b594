using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Replay;

namespace TradingBot.Exchange.Simulator.Tests.Replay;

/// <summary>The compact candle columns give back exactly what went in: same values, same scale (so the same digits on the wire).</summary>
public sealed class CandleStoreTests
{
    private static readonly Candle[] s_candles =
    [
        new(1_746_403_200_000, 94230.2m, 94230.3m, 94159.7m, 94220m, 465.598m),
        new(1_746_403_260_000, 0.00001234m, 0.00001300m, 0.00001200m, 0.00001250m, 123456789.123m),
        new(1_746_403_320_000, 2.5000m, 2.6m, 2.4m, 2.50m, 0m),
        // A mantissa beyond 64 bits takes the side path.
        new(1_746_403_380_000, 79228162514264337593543950.335m, 79228162514264337593543950.335m, 1m, 2m, 3m),
    ];

    [Fact]
    public void Values_and_scales_round_trip_exactly()
    {
        var store = new CandleStore(s_candles);

        store.Count.Should().Be(s_candles.Length);
        for (var i = 0; i < s_candles.Length; i++)
        {
            store[i].Should().Be(s_candles[i]);
            store[i].Open.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(s_candles[i].Open.ToString(System.Globalization.CultureInfo.InvariantCulture));
            store[i].Close.Scale.Should().Be(s_candles[i].Close.Scale);
            store.OpenTimeAt(i).Should().Be(s_candles[i].OpenTime);
        }
    }

    [Fact]
    public void Grows_on_add_and_supports_the_list_operations_the_replay_uses()
    {
        var store = new CandleStore([s_candles[0]]);
        for (var i = 1; i < 100; i++)
        {
            store.Add(s_candles[0] with { OpenTime = s_candles[0].OpenTime + (i * 60_000L), Close = 94220m + i });
        }

        store.Count.Should().Be(100);
        store[^1].Close.Should().Be(94319m);
        store.FindIndex(c => c.Close >= 94250m).Should().Be(30);
        store.FindIndex(c => c.Close < 0).Should().Be(-1);
        FluentActions.Invoking(() => store[100]).Should().Throw<ArgumentOutOfRangeException>();
    }
}
