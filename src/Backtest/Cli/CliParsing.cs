using System.Globalization;

namespace TradingBot.Backtest.Cli;

/// <summary>Parsing helpers shared by the backtest and lookahead commands; failures are <see cref="BacktestInputException"/>s.</summary>
internal static class CliParsing
{
    public static DateTimeOffset? Date(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new BacktestInputException($"{option} '{text}' is not a date (use e.g. 2023-01-01 or 2023-01-01T12:00Z).");
    }

    public static IReadOnlyList<string>? List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).ToArray();
}
