using System.Globalization;
using System.Text;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Reference;

namespace TradingBot.Ict.Tests.Support;

/// <summary>Row-for-row comparison of a result table with a reference CSV; reports the first 20 mismatches.</summary>
internal static class TableAssert
{
    public static void Matches(IctTable actual, ExpectedCsv expected, IReadOnlyList<Candle> bars, params string[] float32Columns)
    {
        actual.Columns.Select(c => c.Name).Should().Equal(expected.Columns, "column names and order must match the reference");
        actual.RowCount.Should().Be(expected.Rows);
        var report = new StringBuilder();
        var mismatches = 0;
        for (var c = 0; c < expected.Columns.Length; c++)
        {
            var f32 = float32Columns.Contains(expected.Columns[c]);
            var column = expected.Values[c];
            for (var row = 0; row < expected.Rows; row++)
            {
                var want = column[row];
                var got = actual.Get(row, c);
                if (Same(want, got, f32))
                {
                    continue;
                }

                if (++mismatches <= 20)
                {
                    var time = bars[row].OpenTimeUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                    report.AppendLine(CultureInfo.InvariantCulture, $"row {row} ({time}) {expected.Columns[c]}: expected {want:R}, got {got:R}");
                }
            }
        }

        mismatches.Should().Be(0, $"{actual.FileName} must equal the reference; first mismatches:\n{report}");
    }

    private static bool Same(double want, double got, bool f32)
    {
        if (double.IsNaN(want) || double.IsNaN(got))
        {
            return double.IsNaN(want) && double.IsNaN(got);
        }

        return f32 ? (float)want == (float)got : want == got;
    }
}
