using System.Globalization;
using System.IO.Compression;
using System.Text;
using TradingBot.Backtest.Data;

namespace TradingBot.Backtest.Tests.Support;

/// <summary>Candle data for tests: the bundled real futures 1m files, and synthetic files written on the fly.</summary>
internal static class TestData
{
    public static string CandlesFolder => Path.Combine(AppContext.BaseDirectory, "candles");

    public static string Bundled(string symbol) => Directory.GetFiles(CandlesFolder, $"{symbol}-1m-*.csv.gz").Single();

    /// <summary>Writes a gzip CSV of bars in the project format.</summary>
    public static string Write(string folder, string fileName, IEnumerable<Bar> bars, bool gzip = true)
    {
        var path = Path.Combine(folder, fileName);
        var text = new StringBuilder("open_time,open,high,low,close,volume\n");
        foreach (var b in bars)
        {
            text.Append(CultureInfo.InvariantCulture, $"{b.OpenMs},{b.Open},{b.High},{b.Low},{b.Close},{b.Volume}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    /// <summary>A deterministic random walk of 1m bars starting at <paramref name="startMs"/>.</summary>
    public static List<Bar> RandomWalk(long startMs, int count, decimal start = 30_000m, int seed = 7)
    {
        var random = new Random(seed);
        var bars = new List<Bar>(count);
        var price = start;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Round(open * (1 + (decimal)((random.NextDouble() - 0.5) * 0.004)), 1);
            var high = Math.Max(open, close) + Math.Round((decimal)random.NextDouble() * 15m, 1);
            var low = Math.Min(open, close) - Math.Round((decimal)random.NextDouble() * 15m, 1);
            bars.Add(new Bar(startMs + (i * 60_000L), open, high, low, close, 1m));
            price = close;
        }

        return bars;
    }
}
