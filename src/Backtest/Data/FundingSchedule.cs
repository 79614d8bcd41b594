using System.Globalization;
using System.IO.Compression;

namespace TradingBot.Backtest.Data;

/// <summary>
/// Funding settlements: either the real ones from a file (any schedule: 8 h, 4 h, 1 h — settled at the times the file
/// gives) or a constant rate every 8 h at 00:00, 08:00 and 16:00 UTC.
/// </summary>
public sealed class FundingSchedule
{
    private static readonly long s_eightHoursMs = (long)TimeSpan.FromHours(8).TotalMilliseconds;
    private readonly Dictionary<string, SortedList<long, decimal>>? _rates;

    private FundingSchedule(decimal constantRate, Dictionary<string, SortedList<long, decimal>>? rates, string description)
    {
        ConstantRate = constantRate;
        _rates = rates;
        Description = description;
    }

    /// <summary>Rate used when no file is given.</summary>
    public decimal ConstantRate { get; }

    /// <summary>One line for the report.</summary>
    public string Description { get; }

    public bool FromFile => _rates is not null;

    public static FundingSchedule Constant(decimal rate) =>
        new(rate, null, $"constant {rate * 100m:0.####} % every 8 h at 00:00/08:00/16:00 UTC (no funding file given)");

    /// <summary>
    /// Loads funding rows <c>funding_time,rate</c> (symbol from the file name, e.g. BTCUSDT-funding.csv) or
    /// <c>symbol,funding_time,rate</c>; funding_time in Unix ms. A header line is skipped.
    /// </summary>
    public static FundingSchedule Load(IEnumerable<string> paths)
    {
        var rates = new Dictionary<string, SortedList<long, decimal>>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"Funding file not found: {path}");
            }

            files.Add(Path.GetFileName(path));
            var fileSymbol = CandleFileName.Parse(path)?.Symbol;
            using var file = File.OpenRead(path);
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream);
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0 || (lineNumber == 1 && !char.IsAsciiDigit(line[0]) && !line.Contains("USDT,", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var parts = line.Split(',');
                var (symbol, timeText, rateText) = parts.Length >= 3 && !char.IsAsciiDigit(parts[0][0])
                    ? (parts[0].Trim().ToUpperInvariant(), parts[1], parts[2])
                    : (fileSymbol ?? throw new InvalidDataException($"{path}: rows have no symbol column and the file name does not start with one."), parts[0], parts.Length > 1 ? parts[1] : "");
                if (!long.TryParse(timeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var time)
                    || !decimal.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: expected funding_time(ms),rate or symbol,funding_time(ms),rate.");
                }

                if (!rates.TryGetValue(symbol, out var list))
                {
                    list = [];
                    rates[symbol] = list;
                }

                list[time] = rate;
            }
        }

        return new FundingSchedule(0m, rates, $"from {string.Join(", ", files)} ({rates.Sum(r => r.Value.Count)} settlements, real schedule)");
    }

    /// <summary>Settlements of <paramref name="symbol"/> in (fromMs, toMs] in time order.</summary>
    public IEnumerable<(long TimeMs, decimal Rate)> Between(string symbol, long fromMs, long toMs)
    {
        if (_rates is null)
        {
            var next = ((fromMs / s_eightHoursMs) + 1) * s_eightHoursMs;
            for (var t = next; t <= toMs; t += s_eightHoursMs)
            {
                yield return (t, ConstantRate);
            }

            yield break;
        }

        if (!_rates.TryGetValue(symbol, out var list))
        {
            yield break;
        }

        var keys = list.Keys;
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] <= fromMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < keys.Count && keys[i] <= toMs; i++)
        {
            yield return (keys[i], list.Values[i]);
        }
    }

    /// <summary>True when a settlement of any kind may fall in (fromMs, toMs] (cheap pre-check for the per-minute loop).</summary>
    public bool MayHaveBetween(long fromMs, long toMs) =>
        _rates is not null || ((fromMs / s_eightHoursMs) != (toMs / s_eightHoursMs));
}
