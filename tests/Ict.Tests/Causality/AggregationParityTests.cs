using System.Globalization;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Causality;

/// <summary>1m futures candles aggregated to 15m/1h equal Binance's own 15m/1h futures candles.</summary>
public sealed class AggregationParityTests
{
    private const string Minutes = "BTCUSDT-1m-futures-20250505-20250623.csv.gz";

    // data/README.md: hours where Binance's own intervals disagree; none fall inside the 1m window, kept for safety.
    private static readonly DateTime[] s_exceptionHours =
    [
        new(2024, 10, 28, 20, 0, 0, DateTimeKind.Utc), new(2024, 10, 28, 21, 0, 0, DateTimeKind.Utc),
        new(2025, 1, 14, 15, 0, 0, DateTimeKind.Utc), new(2025, 1, 29, 1, 0, 0, DateTimeKind.Utc), new(2025, 8, 29, 6, 0, 0, DateTimeKind.Utc),
    ];

    [CandleDataFact(Minutes, "BTCUSDT-15m-futures-2024-2025.csv.gz")]
    public void Btc_1m_to_15m_matches_native_15m() => Compare("BTCUSDT-1m-futures-20250505-20250623.csv.gz", "BTCUSDT-15m-futures-2024-2025.csv.gz", Timeframe.M15);

    [CandleDataFact(Minutes, "BTCUSDT-1h-futures-2020-2025.csv.gz")]
    public void Btc_1m_to_1h_matches_native_1h() => Compare("BTCUSDT-1m-futures-20250505-20250623.csv.gz", "BTCUSDT-1h-futures-2020-2025.csv.gz", Timeframe.H1);

    [CandleDataFact("ETHUSDT-1m-futures-20250505-20250623.csv.gz", "ETHUSDT-15m-futures-2024-2025.csv.gz")]
    public void Eth_1m_to_15m_matches_native_15m() => Compare("ETHUSDT-1m-futures-20250505-20250623.csv.gz", "ETHUSDT-15m-futures-2024-2025.csv.gz", Timeframe.M15);

    [CandleDataFact("ETHUSDT-1m-futures-20250505-20250623.csv.gz", "ETHUSDT-1h-futures-2020-2025.csv.gz")]
    public void Eth_1m_to_1h_matches_native_1h() => Compare("ETHUSDT-1m-futures-20250505-20250623.csv.gz", "ETHUSDT-1h-futures-2020-2025.csv.gz", Timeframe.H1);

    private static void Compare(string minutesFile, string nativeFile, Timeframe timeframe)
    {
        var aggregator = new CandleAggregator(timeframe);
        var built = new List<Candle>();
        foreach (var minute in Fixtures.CandleFile(minutesFile))
        {
            var result = aggregator.Add(minute);
            result.MissingBefore.Should().Be(0);
            if (result.Count > 0)
            {
                result.FirstComplete.Should().BeTrue();
                built.Add(result.First);
            }
        }

        var native = Fixtures.CandleFile(nativeFile).ToDictionary(c => c.OpenTimeMs);
        built.Should().HaveCount((int)(Fixtures.CandleFile(minutesFile).Length / (timeframe.Milliseconds / 60_000)));
        var compared = 0;
        foreach (var candle in built)
        {
            var hour = Timeframe.H1.BucketStart(candle.OpenTimeMs);
            if (s_exceptionHours.Any(h => (long)(h - DateTime.UnixEpoch).TotalMilliseconds == hour))
            {
                continue;
            }

            native.Should().ContainKey(candle.OpenTimeMs);
            var expected = native[candle.OpenTimeMs];
            var at = candle.OpenTimeUtc.ToString("u", CultureInfo.InvariantCulture);
            (candle.Open, candle.High, candle.Low, candle.Close).Should().Be((expected.Open, expected.High, expected.Low, expected.Close), at);
            candle.Volume.Should().BeApproximately(expected.Volume, Math.Max(1e-6, expected.Volume * 1e-6), at);
            compared++;
        }

        compared.Should().BeGreaterThan(1000);
    }
}
