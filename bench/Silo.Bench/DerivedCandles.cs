using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace TradingBot.Silo.Bench;

/// <summary>
/// A 5-symbol candle folder for the bench only. BTCUSDT and ETHUSDT are the product's bundled real futures candles;
/// only those two exist as 1m futures data, so SOLUSDT, BNBUSDT and AVAXUSDT are DERIVED: real BTC/ETH spot 1m
/// candles of the same calendar window one or two years earlier, shifted onto the bundled dates and rescaled to a
/// plausible price level. They have real market shape (volatility, gaps, structure) but are not those symbols' history.
/// </summary>
internal static class DerivedCandles
{
    private static readonly DateTimeOffset s_from = new(2025, 5, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_to = new(2025, 6, 24, 0, 0, 0, TimeSpan.Zero);

    /// <summary>(symbol, source file, years back, target first open price).</summary>
    private static readonly (string Symbol, string Source, int YearsBack, decimal Level)[] s_derived =
    [
        ("SOLUSDT", "BTCUSDT-1m-spot-20220101-20240625.csv.gz", 1, 150m),
        ("BNBUSDT", "ETHUSDT-1m-spot-20220101-20240625.csv.gz", 1, 600m),
        ("AVAXUSDT", "BTCUSDT-1m-spot-20220101-20240625.csv.gz", 2, 22m),
    ];

    public static IReadOnlyList<string> Symbols(int count) =>
        new[] { "BTCUSDT", "ETHUSDT" }.Concat(s_derived.Select(d => d.Symbol)).Take(count).ToArray();

    /// <summary>Builds (or reuses) the folder; returns its path. Throws with a clear message when the shared data is missing.</summary>
    public static string Prepare(int symbols, TextWriter log)
    {
        var dir = BenchPaths.Scratch($"candles-{symbols}");
        foreach (var file in Directory.EnumerateFiles(BenchPaths.BundledCandles(), "*.csv.gz"))
        {
            var target = Path.Combine(dir, Path.GetFileName(file));
            if (!File.Exists(target))
            {
                File.Copy(file, target);
            }
        }

        var derived = s_derived.Take(Math.Max(0, symbols - 2)).ToArray();
        if (derived.Length == 0)
        {
            return dir;
        }

        var shared = BenchPaths.SharedData() ?? throw new InvalidOperationException(
            "../shared/data (next to the repository) is needed to derive the extra symbols' candles; run with --symbols 2 without it.");
        foreach (var (symbol, source, yearsBack, level) in derived)
        {
            var target = Path.Combine(dir, $"{symbol}-1m-derived-20250505-20250623.csv.gz");
            if (File.Exists(target))
            {
                continue;
            }

            var rows = Write(Path.Combine(shared, source), target, yearsBack, level);
            log.WriteLine($"derived {symbol}: {rows:N0} rows from {source} ({yearsBack} year(s) earlier), rescaled to start at {level} — bench data, not {symbol}'s history");
        }

        return dir;
    }

    private static int Write(string source, string target, int yearsBack, decimal level)
    {
        var from = s_from.AddYears(-yearsBack).ToUnixTimeMilliseconds();
        var to = s_to.AddYears(-yearsBack).ToUnixTimeMilliseconds();
        var shift = s_from.ToUnixTimeMilliseconds() - from;
        var temp = target + ".tmp";
        var rows = 0;
        decimal? scale = null;
        using (var input = new StreamReader(new GZipStream(File.OpenRead(source), CompressionMode.Decompress)))
        using (var output = new StreamWriter(new GZipStream(File.Create(temp), CompressionLevel.Fastest), new UTF8Encoding(false)))
        {
            output.WriteLine("open_time,open,high,low,close,volume");
            while (input.ReadLine() is { } line)
            {
                var parts = line.Split(',');
                if (parts.Length < 6 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var openTime) || openTime < from)
                {
                    continue;
                }

                if (openTime >= to)
                {
                    break;
                }

                var ohlc = parts.Skip(1).Take(4).Select(p => decimal.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                scale ??= level / ohlc[0];
                var r = ohlc.Select(v => Math.Round(v * scale.Value, 2, MidpointRounding.AwayFromZero)).ToArray();
                var volume = Math.Round(decimal.Parse(parts[5], CultureInfo.InvariantCulture) / scale.Value, 3);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{openTime + shift},{r[0]},{r[1]},{r[2]},{r[3]},{volume}"));
                rows++;
            }
        }

        File.Move(temp, target, overwrite: true);
        return rows;
    }
}
