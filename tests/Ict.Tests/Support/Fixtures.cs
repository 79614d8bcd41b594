using TradingBot.Ict.Candles;
using TradingBot.Ict.Export;

namespace TradingBot.Ict.Tests.Support;

/// <summary>Loads shared inputs once per test run.</summary>
internal static class Fixtures
{
    private static readonly Lazy<Candle[]> s_eurusd = new(() => CandleCsvReader.ReadFile(SharedData.Reference("EURUSD_15M.csv")!));
    private static readonly Dictionary<string, Candle[]> s_candles = new();

    public static Candle[] EurUsd => s_eurusd.Value;

    public static ExpectedCsv Expected(string file) => ExpectedCsv.Load(SharedData.Reference(file)!);

    public static Candle[] CandleFile(string file)
    {
        lock (s_candles)
        {
            if (!s_candles.TryGetValue(file, out var candles))
            {
                candles = CandleCsvReader.ReadFile(SharedData.Candles(file)!);
                s_candles[file] = candles;
            }

            return candles;
        }
    }
}
