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
            return ReadRows(stream, path, fromMs, toMs);
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

    // Lines are parsed straight from the (decompressed) UTF-8 bytes: no string per line, and the UTF-8 overloads of
    // long/decimal parsing are the same parsers as the text ones, so every value (scale included) is what parsing the
    // text gives.
    private static Bar[] ReadRows(Stream stream, string path, long fromMs, long toMs)
    {
        var bars = new List<Bar>(1 << 16);
        var lineNumber = 0;
        var previous = long.MinValue;
        Span<decimal> values = stackalloc decimal[5];
        var buffer = new byte[1 << 20];
        var filled = 0;
        var start = 0;
        var eof = false;
        var first = true;
        while (true)
        {
            var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
            if (newline < 0 && !eof)
            {
                // Move the partial line to the front (growing the buffer for a line longer than it) and read more.
                var partial = filled - start;
                if (partial == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                else if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, partial);
                }

                start = 0;
                filled = partial;
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    eof = true;
                }

                filled += read;
                continue;
            }

            if (newline < 0 && start == filled)
            {
                break;
            }

            var length = newline < 0 ? filled - start : newline;
            var line = buffer.AsSpan(start, length);
            start += newline < 0 ? length : length + 1;
            if (first)
            {
                first = false;
                if (line.StartsWith("\uFEFF"u8))
                {
                    line = line[3..];
                }
            }

            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && !char.IsAsciiDigit((char)line[0])))
            {
                continue;
            }

            var comma = line.IndexOf((byte)',');
            if (comma <= 0 || !long.TryParse(line[..comma], NumberStyles.Integer, CultureInfo.InvariantCulture, out var openMs))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: open_time is not an integer (ms): '{Truncate(Text(line))}'.");
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

            var rest = line[(comma + 1)..];
            for (var i = 0; i < 5; i++)
            {
                var next = rest.IndexOf((byte)',');
                var field = next < 0 ? rest : rest[..next];
                if (!TryParsePlainDecimal(field, out values[i]) && !decimal.TryParse(field, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out values[i]))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: column {i + 2} '{Text(field)}' is not a plain decimal (expected open_time,open,high,low,close,volume).");
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

    /// <summary>
    /// Fast path for the usual field: digits, one '.' between digits, at most 18 digits. The value is the digits as an
    /// integer scaled by the number of fraction digits: exactly what <see cref="decimal.Parse(string)"/> gives (trailing
    /// zeros kept). Anything else returns false and goes to the general parser.
    /// </summary>
    private static bool TryParsePlainDecimal(ReadOnlySpan<byte> field, out decimal value)
    {
        value = 0;
        if (field.Length is 0 or > 19)
        {
            return false;
        }

        long mantissa = 0;
        var point = -1;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c == (byte)'.')
            {
                if (point >= 0 || i == 0 || i == field.Length - 1)
                {
                    return false;
                }

                point = i;
                continue;
            }

            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
        }

        if (field.Length - (point >= 0 ? 1 : 0) > 18)
        {
            return false;
        }

        var scale = point < 0 ? 0 : field.Length - point - 1;
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, false, (byte)scale);
        return true;
    }

    private static string Text(ReadOnlySpan<byte> utf8) => System.Text.Encoding.UTF8.GetString(utf8);

    private static string Truncate(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
