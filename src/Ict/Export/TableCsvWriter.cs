using System.Globalization;
using System.Text;
using TradingBot.Ict.Reference;

namespace TradingBot.Ict.Export;

/// <summary>
/// Writes an <see cref="IctTable"/> as pandas would: header, one line per input row, NaN as an empty cell,
/// floats in Python repr ("1.0", shortest round-trip; float32 columns with the shortest float32 text).
/// UTF-8 bytes straight into a large buffer: no string per cell.
/// </summary>
public static class TableCsvWriter
{
    public static void Write(IctTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        Write(table, stream);
    }

    public static void Write(IctTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[1 << 20];
        var used = 0;
        var header = Encoding.UTF8.GetBytes(string.Join(',', table.Columns.Select(c => c.Name)) + "\n");
        header.CopyTo(buffer, 0);
        used = header.Length;
        var formats = table.Columns.Select(c => c.Format).ToArray();
        var defaultLine = table.DefaultRow is null ? new string(',', formats.Length - 1) + "\n" : FormatLine(table.DefaultRow, formats);
        var defaultBytes = Encoding.UTF8.GetBytes(defaultLine);
        var rows = table.SortedRows();
        var next = 0;
        for (long row = 0; row < table.RowCount; row++)
        {
            if (buffer.Length - used < 512)
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }

            if (next < rows.Length && rows[next] == row)
            {
                used += FormatRow(table.GetRow(row), formats, buffer.AsSpan(used));
                next++;
            }
            else
            {
                defaultBytes.CopyTo(buffer.AsSpan(used));
                used += defaultBytes.Length;
            }
        }

        stream.Write(buffer, 0, used);
    }

    private static string FormatLine(double[] values, ColumnFormat[] formats)
    {
        var bytes = new byte[512];
        var n = FormatRow(values, formats, bytes);
        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    private static int FormatRow(ReadOnlySpan<double> values, ColumnFormat[] formats, Span<byte> target)
    {
        var used = 0;
        for (var c = 0; c < formats.Length; c++)
        {
            if (c > 0)
            {
                target[used++] = (byte)',';
            }

            used += FormatValue(values[c], formats[c], target[used..]);
        }

        target[used++] = (byte)'\n';
        return used;
    }

    /// <summary>Python repr of the value in the column's format; empty for NaN.</summary>
    internal static int FormatValue(double value, ColumnFormat format, Span<byte> target)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        int written;
        switch (format)
        {
            case ColumnFormat.Integer:
                ((long)value).TryFormat(target, out written, default, CultureInfo.InvariantCulture);
                return written;
            case ColumnFormat.Float32:
                ((float)value).TryFormat(target, out written, "R", CultureInfo.InvariantCulture);
                break;
            default:
                value.TryFormat(target, out written, "R", CultureInfo.InvariantCulture);
                break;
        }

        var text = target[..written];
        var exponent = text.IndexOf((byte)'E');
        if (exponent >= 0)
        {
            text[exponent] = (byte)'e';
            return written;
        }

        if (text.IndexOf((byte)'.') < 0 && text.IndexOf((byte)'n') < 0 && text.IndexOf((byte)'N') < 0)
        {
            target[written++] = (byte)'.';
            target[written++] = (byte)'0';
        }

        return written;
    }
}
