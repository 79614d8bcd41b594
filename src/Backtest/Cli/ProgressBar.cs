using System.Globalization;
using TradingBot.Backtest.Running;

namespace TradingBot.Backtest.Cli;

/// <summary>A one-line progress bar: percent, candles/s, ETA, market date; redrawn in place.</summary>
internal sealed class ProgressBar(TextWriter output, string label) : IProgress<BacktestProgress>
{
    private const int Width = 30;

    public void Report(BacktestProgress value)
    {
        var fraction = value.CandlesTotal == 0 ? 1 : Math.Clamp((double)value.CandlesDone / value.CandlesTotal, 0, 1);
        var filled = (int)(fraction * Width);
        var eta = value.Eta is { } e ? $"{e.TotalSeconds:0}s" : "?";
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,5:0.0}% {value.CandlesPerSecond,9:N0} candles/s ETA {eta,4} {value.MarketTime:yyyy-MM-dd}"));
        if (value.CandlesDone >= value.CandlesTotal)
        {
            output.WriteLine();
        }
    }
}
