using System.Globalization;
using System.IO.Compression;

namespace TradingBot.Exchange.Simulator.Market;

/// <summary>Candles of one symbol loaded from a file, with the bar length inferred from the open times.</summary>
public sealed record CandleSeries(string Symbol, TimeSpan Interval, IReadOnlyList<Candle> Candles);

/// <summary>
/// Reads the project's candle format: CSV (optionally gzip) with header <c>open_time,open,high,low,close,volume</c>,
/// open_time in Unix ms. The symbol is taken from the file name prefix (e.g. <c>BTCUSDT-1m-…</c>).
/// </summary>
public static class CandleFile
{
    /// <summary>Loads and validates a file; throws <see cref="InvalidDataException"/> with the line number on bad content.</summary>
    public static CandleSeries Load(string path, string? symbol = null)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Candle file not found: {path}");
        }

        symbol ??= SymbolFromName(path) ?? throw new InvalidDataException(
            $"Cannot tell the symbol from the file name '{Path.GetFileName(path)}' (expected e.g. BTCUSDT-1m-….csv.gz).");
        using var stream = File.OpenRead(path);
        using var decompressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? (Stream)new GZipStream(stream, CompressionMode.Decompress)
            : stream;
        using var reader = new StreamReader(decompressed);
        var candles = new List<Candle>();
        var lineNumber = 0;
        try
        {
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("open_time", StringComparison.Ordinal)))
                {
                    continue;
                }

                candles.Add(ParseLine(line, lineNumber, path));
            }
        }
        catch (InvalidDataException ex) when (ex.InnerException is null && decompressed is GZipStream)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        if (candles.Count < 2)
        {
            throw new InvalidDataException($"{path}: needs at least two candles, found {candles.Count}.");
        }

        var interval = long.MaxValue;
        for (var i = 1; i < candles.Count; i++)
        {
            var step = candles[i].OpenTime - candles[i - 1].OpenTime;
            if (step <= 0)
            {
                throw new InvalidDataException($"{path}: open times must increase strictly (row {i + 1}).");
            }

            interval = Math.Min(interval, step);
        }

        return new CandleSeries(symbol, TimeSpan.FromMilliseconds(interval), candles);
    }

    /// <summary>Files given as paths or directories (every *.csv / *.csv.gz inside), sorted by name.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p).Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase))
                : [p])
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string? SymbolFromName(string path)
    {
        var name = Path.GetFileName(path);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var candidate = dash > 0 ? name[..dash] : null;
        return candidate is not null && candidate.All(char.IsAsciiLetterOrDigit) ? candidate.ToUpperInvariant() : null;
    }

    private static Candle ParseLine(string line, int lineNumber, string path)
    {
        var parts = line.Split(',');
        if (parts.Length < 6)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: expected 6 columns open_time,open,high,low,close,volume.");
        }

        if (!long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var openTime))
        {
            throw new InvalidDataException($"{path}:{lineNumber}: open_time '{parts[0]}' is not an integer (ms).");
        }

        var values = new decimal[5];
        for (var i = 0; i < 5; i++)
        {
            if (!decimal.TryParse(parts[i + 1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: column {i + 2} '{parts[i + 1]}' is not a plain decimal.");
            }
        }

        var candle = new Candle(openTime, values[0], values[1], values[2], values[3], values[4]);
        if (candle.Low > Math.Min(candle.Open, candle.Close) || candle.High < Math.Max(candle.Open, candle.Close) || candle.Low <= 0)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: inconsistent OHLC.");
        }

        return candle;
    }
}
