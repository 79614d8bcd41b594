using System.Globalization;
using System.IO.Compression;

namespace TradingBot.Backtest.Data;

/// <summary>
/// Reads the project's candle files (CSV or CSV.gz, header <c>open_time,open,high,low,close,volume</c>, open_time in
/// Unix ms) keeping only bars that open inside [from, to). Rows outside the range are skipped before their prices are
/// parsed, so a year cut from a multi-year file costs little more than the gunzip. Errors name the file and line.
/// </summary>
public static class CandleCsvReader
{
    /// <summary>Loads the bars of <paramref name="path"/> that open in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    /// <exception cref="InvalidDataException">Missing/unreadable file or malformed content.</exception>
    public static Bar[] Read(string path, long fromMs = long.MinValue, long toMs = long.MaxValue)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Candle file not found: {path}");
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, false, 1 << 16);
            return ReadRows(reader, path, fromMs, toMs);
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal) && !ex.Message.StartsWith("Candle file", StringComparison.Ordinal))
        {
            // Raised by the gzip decoder on a corrupt or non-gzip file.
            throw new InvalidDataException($"{path}: cannot be read ({ex.Message}).", ex);
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"{path}: cannot be read ({ex.Message}).", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidDataException($"{path}: cannot be read ({ex.Message}).", ex);
        }
    }

    private static Bar[] ReadRows(StreamReader reader, string path, long fromMs, long toMs)
    {
        var bars = new List<Bar>(1 << 16);
        var lineNumber = 0;
        var previous = long.MinValue;
        Span<decimal> values = stackalloc decimal[5];
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && !char.IsAsciiDigit(line[0])))
            {
                continue;
            }

            var span = line.AsSpan();
            var comma = span.IndexOf(',');
            if (comma <= 0 || !long.TryParse(span[..comma], NumberStyles.Integer, CultureInfo.InvariantCulture, out var openMs))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: open_time is not an integer (ms): '{Truncate(line)}'.");
            }

            if (openMs <= previous)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: open times must increase strictly.");
            }

            previous = openMs;
            if (openMs < fromMs)
            {
                continue;
            }

            if (openMs >= toMs)
            {
                break;
            }

            var rest = span[(comma + 1)..];
            for (var i = 0; i < 5; i++)
            {
                var next = rest.IndexOf(',');
                var field = next < 0 ? rest : rest[..next];
                if (!decimal.TryParse(field, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out values[i]))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: column {i + 2} '{field.ToString()}' is not a plain decimal (expected open_time,open,high,low,close,volume).");
                }

                rest = next < 0 ? [] : rest[(next + 1)..];
                if (next < 0 && i < 4)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: expected 6 columns open_time,open,high,low,close,volume.");
                }
            }

            var bar = new Bar(openMs, values[0], values[1], values[2], values[3], values[4]);
            if (bar.Low <= 0 || bar.Low > Math.Min(bar.Open, bar.Close) || bar.High < Math.Max(bar.Open, bar.Close))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: inconsistent OHLC (low {bar.Low}, high {bar.High}, open {bar.Open}, close {bar.Close}).");
            }

            bars.Add(bar);
        }

        return [.. bars];
    }

    private static string Truncate(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
