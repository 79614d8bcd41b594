using System.Text.RegularExpressions;

namespace TradingBot.Backtest.Data;

/// <summary>What a candle file's name says: <c>BTCUSDT-1m-….csv.gz</c> → symbol BTCUSDT, 1 minute bars.</summary>
public sealed partial record CandleFileName(string Path, string Symbol, int? IntervalMinutes)
{
    /// <summary>Parses the symbol (and interval when present) from a file name; null when the name has no symbol prefix.</summary>
    public static CandleFileName? Parse(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var match = NamePattern().Match(name);
        if (!match.Success)
        {
            return null;
        }

        int? minutes = null;
        if (match.Groups["n"].Success)
        {
            var n = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            minutes = match.Groups["u"].Value switch
            {
                "m" => n,
                "h" => n * 60,
                "d" => n * 1440,
                _ => null,
            };
        }

        return new CandleFileName(path, match.Groups["s"].Value.ToUpperInvariant(), minutes);
    }

    /// <summary>Files given as paths or directories (every *.csv / *.csv.gz inside), sorted by name.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p).Where(IsCandleFile)
                : [p])
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static bool IsCandleFile(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<s>[A-Za-z0-9]{3,20})(-(?<n>\d{1,4})(?<u>[mhd])(?=[-_.]))?", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
