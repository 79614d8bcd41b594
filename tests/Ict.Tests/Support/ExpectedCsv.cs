using System.Globalization;

namespace TradingBot.Ict.Tests.Support;

/// <summary>A reference result CSV parsed as doubles (empty = NaN).</summary>
internal sealed class ExpectedCsv
{
    private ExpectedCsv(string[] columns, double[][] values)
    {
        Columns = columns;
        Values = values;
    }

    public string[] Columns { get; }

    /// <summary>Values[column][row].</summary>
    public double[][] Values { get; }

    public int Rows => Values[0].Length;

    public double[] Column(string name) => Values[Array.IndexOf(Columns, name)];

    public static ExpectedCsv Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var columns = lines[0].Split(',');
        var values = columns.Select(_ => new double[lines.Length - 1]).ToArray();
        for (var r = 1; r < lines.Length; r++)
        {
            var fields = lines[r].Split(',');
            for (var c = 0; c < columns.Length; c++)
            {
                values[c][r - 1] = fields[c].Length == 0 ? double.NaN : double.Parse(fields[c], CultureInfo.InvariantCulture);
            }
        }

        return new ExpectedCsv(columns, values);
    }
}
