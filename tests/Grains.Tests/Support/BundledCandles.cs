using System.Globalization;
using System.IO.Compression;
using TradingBot.Contracts.Market;

namespace TradingBot.Grains.Tests.Support;

/// <summary>The real 1m futures candles the product ships for paper mode (copied next to the tests).</summary>
internal static class BundledCandles
{
    public static IReadOnlyList<Candle> Load(string symbol)
    {
        var path = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "candles"), $"{symbol}-1m-*.csv.gz").Single();
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        reader.ReadLine();
        var candles = new List<Candle>(80_000);
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            candles.Add(new Candle(symbol, Timeframe.M1, DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[0], CultureInfo.InvariantCulture)),
                decimal.Parse(f[1], CultureInfo.InvariantCulture), decimal.Parse(f[2], CultureInfo.InvariantCulture),
                decimal.Parse(f[3], CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture), decimal.Parse(f[5], CultureInfo.InvariantCulture)));
        }

        return candles;
    }
}
