namespace TradingBot.Grains.Market;

/// <summary>Creates the causal ICT pipeline for a symbol.</summary>
internal sealed class IctIndicatorPipelineFactory : IIndicatorPipelineFactory
{
    public IIndicatorPipeline Create(string symbol) => new IctIndicatorPipeline(symbol);
}
