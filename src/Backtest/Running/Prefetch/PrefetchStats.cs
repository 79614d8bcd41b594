namespace TradingBot.Backtest.Running.Prefetch;

/// <summary>Where the time of computing ahead went (benchmark figures).</summary>
/// <param name="Stalls">Times a grain found no result ready.</param>
/// <param name="StallTime">Time grains waited for a worker.</param>
/// <param name="Sleeps">Times a worker slept with every ring full.</param>
/// <param name="WorkerBusy">Time workers spent computing.</param>
/// <param name="Computed">Candles computed ahead.</param>
/// <param name="WorkerCpu">Seconds the workers were on a CPU (Linux; as of their last sleep).</param>
/// <param name="WorkerQueued">Seconds the workers waited in the run queue for a CPU (Linux; as of their last sleep).</param>
public sealed record PrefetchStats(long Stalls, TimeSpan StallTime, long Sleeps, TimeSpan WorkerBusy, long Computed, double WorkerCpu, double WorkerQueued)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"prefetch: {Computed} candles computed in {WorkerBusy.TotalSeconds:0.00} s of worker time, on CPU {WorkerCpu:0.00} s, waiting for a CPU {WorkerQueued:0.00} s, {Sleeps} worker sleeps; grains waited {Stalls} times, {StallTime.TotalSeconds:0.00} s");
}
