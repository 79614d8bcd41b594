using System.Globalization;

namespace TradingBot.Silo.Bench;

/// <summary>Nearest-rank percentiles of a sample of milliseconds, printed as one table row.</summary>
internal sealed class Distribution
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public void Add(double value)
    {
        if (!double.IsNaN(value))
        {
            _values.Add(value);
        }
    }

    public double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Mean => _values.Count == 0 ? double.NaN : _values.Average();

    public static string Header(string label) =>
        $"{label,-58} {"n",6} {"mean",8} {"p50",8} {"p90",8} {"p99",8} {"max",8}";

    public string Row(string label) => _values.Count == 0
        ? $"{label,-58} {0,6} {"-",8} {"-",8} {"-",8} {"-",8} {"-",8}"
        : string.Create(CultureInfo.InvariantCulture, $"{label,-58} {Count,6} {Mean,8:0.00} {Percentile(50),8:0.00} {Percentile(90),8:0.00} {Percentile(99),8:0.00} {Percentile(100),8:0.00}");
}
