using TradingBot.Backtest.Running.Prefetch;
using TradingBot.Grains.Market;

namespace TradingBot.Backtest.Running;

/// <summary>Creates pipelines with the prefetching factory when given, else the live one; disposing stops the workers.</summary>
internal sealed class ProbeFactory(PrefetchingPipelineFactory? prefetch) : IDisposable
{
    private readonly IIndicatorPipelineFactory _factory = prefetch ?? (IIndicatorPipelineFactory)new IctIndicatorPipelineFactory();

    public IIndicatorPipeline Create(string symbol) => _factory.Create(symbol);

    public void Dispose() => prefetch?.Dispose();
}
