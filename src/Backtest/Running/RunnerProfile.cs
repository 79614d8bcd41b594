using System.Diagnostics;

namespace TradingBot.Backtest.Running;

/// <summary>Where the runner's time goes (Stopwatch ticks per section), for the benchmark's breakdown.</summary>
public sealed class RunnerProfile
{
    public long Funding { get; internal set; }
    public long Paths { get; internal set; }
    public long Clock { get; internal set; }
    public long Grains { get; internal set; }
    public long Equity { get; internal set; }
    public long Startup { get; internal set; }
    public long Allocated { get; internal set; }

    /// <summary>How computing the indicators ahead went (null when it was off).</summary>
    public Prefetch.PrefetchStats? Prefetch { get; internal set; }

    public override string ToString()
    {
        static string S(long ticks) => (ticks / (double)Stopwatch.Frequency).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        return $"startup {S(Startup)} s, funding {S(Funding)} s, paths {S(Paths)} s, clock {S(Clock)} s, grains {S(Grains)} s, equity {S(Equity)} s, allocated {Allocated / 1048576.0:0} MB" + (Prefetch is null ? "" : $"\n{Prefetch}");
    }
}
