using System.Globalization;
using System.IO.Compression;
using System.Text;
using TradingBot.Ict.Candles;

namespace TradingBot.Ict.Export;

/// <summary>
/// Fast candle CSV loader (plain or gzip). Header required; columns open, high, low, close (any case),
/// optional volume, time column <c>Date</c> (text) or <c>open_time</c> (Unix ms); other columns ignored.
/// Parses UTF-8 bytes in place: no string per field. Invalid input throws <see cref="CandleCsvException"/>.
/// </summary>
public static class CandleCsvReader
{
    private const int NoColumn = -1;

    public static Candle[] ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CandleCsvException(path, 0, null, "file not found");
        }

        var bytes = Load(path);
        return Parse(bytes.AsSpan(), path);
    }

    /// <summary>Parses CSV text already in memory; <paramref name="name"/> is used in error messages.</summary>
    public static Candle[] Parse(ReadOnlySpan<byte> text, string name)
    {
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var lineNumber = 1L;
        var headerEnd = text.IndexOf((byte)'\n');
        var header = headerEnd < 0 ? text : text[..headerEnd];
        if (header.IsEmpty || header.Trim((byte)'\r').IsEmpty)
        {
            throw new CandleCsvException(name, 1, null, "empty file (a header line is required)");
        }

        var layout = ReadHeader(header, name);
        var rest = headerEnd < 0 ? ReadOnlySpan<byte>.Empty : text[(headerEnd + 1)..];
        var candles = new Candle[rest.Count((byte)'\n') + 1];
        var count = 0;
        var previousTime = long.MinValue;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlySpan<byte>.Empty : rest[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                if (rest.Trim("\r\n"u8).IsEmpty)
                {
                    break;
                }

                throw new CandleCsvException(name, lineNumber, null, "empty line");
            }

            var candle = ParseLine(line, layout, name, lineNumber);
            if (candle.OpenTimeMs <= previousTime)
            {
                var what = candle.OpenTimeMs == previousTime ? "duplicate" : "unsorted";
                throw new CandleCsvException(name, lineNumber, layout.TimeName, $"{what} time {FormatTime(candle.OpenTimeMs)} (previous row {FormatTime(previousTime)}); rows must be strictly increasing in time");
            }

            previousTime = candle.OpenTimeMs;
            candles[count++] = candle;
        }

        if (count == 0)
        {
            throw new CandleCsvException(name, 2, null, "no data rows");
        }

        Array.Resize(ref candles, count);
        return candles;
    }

    private static ArraySegment<byte> Load(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
        {
            return raw;
        }

        try
        {
            using var input = new MemoryStream(raw, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream(raw.Length * 4);
            gzip.CopyTo(output, 1 << 20);
            return new ArraySegment<byte>(output.GetBuffer(), 0, (int)output.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new CandleCsvException(path, 0, null, $"corrupt gzip data: {ex.Message}");
        }
    }

    private static ColumnLayout ReadHeader(ReadOnlySpan<byte> header, string name)
    {
        header = header.TrimEnd((byte)'\r');
        var layout = new ColumnLayout { Time = NoColumn, Open = NoColumn, High = NoColumn, Low = NoColumn, Close = NoColumn, Volume = NoColumn };
        var column = 0;
        foreach (var range in header.Split((byte)','))
        {
            var field = Encoding.UTF8.GetString(header[range]).Trim().Trim('"').ToLowerInvariant();
            switch (field)
            {
                case "date":
                case "datetime":
                    layout.Time = column;
                    layout.TimeIsText = true;
                    layout.TimeName = field;
                    break;
                case "open_time":
                    layout.Time = column;
                    layout.TimeIsText = false;
                    layout.TimeName = field;
                    break;
                case "open":
                    layout.Open = column;
                    break;
                case "high":
                    layout.High = column;
                    break;
                case "low":
                    layout.Low = column;
                    break;
                case "close":
                    layout.Close = column;
                    break;
                case "volume":
                    layout.Volume = column;
                    break;
                default:
                    break;
            }

            column++;
        }

        layout.ColumnCount = column;
        var missing = new List<string>();
        if (layout.Time == NoColumn)
        {
            missing.Add("Date or open_time");
        }

        AddIfMissing(missing, layout.Open, "open");
        AddIfMissing(missing, layout.High, "high");
        AddIfMissing(missing, layout.Low, "low");
        AddIfMissing(missing, layout.Close, "close");
        if (missing.Count > 0)
        {
            throw new CandleCsvException(name, 1, null, $"missing required column(s): {string.Join(", ", missing)}");
        }

        return layout;
    }

    private static void AddIfMissing(List<string> missing, int index, string column)
    {
        if (index == NoColumn)
        {
            missing.Add(column);
        }
    }

    private static Candle ParseLine(ReadOnlySpan<byte> line, in ColumnLayout layout, string name, long lineNumber)
    {
        long time = 0;
        double open = 0, high = 0, low = 0, close = 0, volume = 0;
        var column = 0;
        var seen = 0;
        while (true)
        {
            var comma = line.IndexOf((byte)',');
            var field = comma < 0 ? line : line[..comma];
            if (column == layout.Time)
            {
                time = layout.TimeIsText ? ParseDate(field, name, lineNumber, layout.TimeName) : ParseLong(field, name, lineNumber, layout.TimeName);
                seen++;
            }
            else if (column == layout.Open)
            {
                open = ParsePrice(field, name, lineNumber, "open");
                seen++;
            }
            else if (column == layout.High)
            {
                high = ParsePrice(field, name, lineNumber, "high");
                seen++;
            }
            else if (column == layout.Low)
            {
                low = ParsePrice(field, name, lineNumber, "low");
                seen++;
            }
            else if (column == layout.Close)
            {
                close = ParsePrice(field, name, lineNumber, "close");
                seen++;
            }
            else if (column == layout.Volume)
            {
                volume = ParsePrice(field, name, lineNumber, "volume");
                seen++;
            }

            column++;
            if (comma < 0)
            {
                break;
            }

            line = line[(comma + 1)..];
        }

        var required = layout.Volume == NoColumn ? 5 : 6;
        if (seen < required)
        {
            throw new CandleCsvException(name, lineNumber, null, $"expected {layout.ColumnCount} columns, found {column}");
        }

        if (high < low)
        {
            throw new CandleCsvException(name, lineNumber, "high", $"high {high.ToString(CultureInfo.InvariantCulture)} is below low {low.ToString(CultureInfo.InvariantCulture)}");
        }

        return new Candle(time, open, high, low, close, volume);
    }

    private static double ParsePrice(ReadOnlySpan<byte> field, string name, long lineNumber, string column)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CandleCsvException(name, lineNumber, column, $"cannot parse '{Shown(field)}' as a number");
        }

        if (!double.IsFinite(value))
        {
            throw new CandleCsvException(name, lineNumber, column, $"value '{Shown(field)}' is not finite");
        }

        return value;
    }

    private static long ParseLong(ReadOnlySpan<byte> field, string name, long lineNumber, string column)
    {
        if (!long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new CandleCsvException(name, lineNumber, column, $"cannot parse '{Shown(field)}' as Unix milliseconds");
        }

        return value;
    }

    /// <summary>Fast path for "yyyy.MM.dd HH:mm:ss" / "yyyy-MM-dd HH:mm:ss" / "yyyy-MM-ddTHH:mm:ss[Z]"; BCL fallback otherwise.</summary>
    private static long ParseDate(ReadOnlySpan<byte> field, string name, long lineNumber, string column)
    {
        if (field.Length is 19 or 20
            && (field[4] is (byte)'.' or (byte)'-' or (byte)'/') && field[7] == field[4]
            && (field[10] is (byte)' ' or (byte)'T') && field[13] == ':' && field[16] == ':'
            && (field.Length == 19 || field[19] == 'Z')
            && TryDigits(field, 0, 4, out var year) && TryDigits(field, 5, 2, out var month) && TryDigits(field, 8, 2, out var day)
            && TryDigits(field, 11, 2, out var hour) && TryDigits(field, 14, 2, out var minute) && TryDigits(field, 17, 2, out var second)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year == 0 ? 1 : year, month) && year >= 1
            && hour < 24 && minute < 60 && second < 60)
        {
            var days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
            return (((((long)days * 24) + hour) * 60 + minute) * 60 + second) * 1000;
        }

        var text = Encoding.UTF8.GetString(field).Trim().Trim('"');
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return (long)(parsed - DateTime.UnixEpoch).TotalMilliseconds;
        }

        throw new CandleCsvException(name, lineNumber, column, $"cannot parse '{Shown(field)}' as a date (expected yyyy.MM.dd HH:mm:ss or ISO 8601)");
    }

    private static bool TryDigits(ReadOnlySpan<byte> field, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = field[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static string Shown(ReadOnlySpan<byte> field)
    {
        var text = Encoding.UTF8.GetString(field.Length > 40 ? field[..40] : field);
        return field.Length > 40 ? text + "…" : text;
    }

    private static string FormatTime(long ms) =>
        DateTime.UnixEpoch.AddMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private struct ColumnLayout
    {
        public int Time;
        public bool TimeIsText;
        public string TimeName;
        public int Open;
        public int High;
        public int Low;
        public int Close;
        public int Volume;
        public int ColumnCount;
    }
}
