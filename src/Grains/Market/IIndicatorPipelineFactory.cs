namespace TradingBot.Grains.Market;

/// <summary>Creates the indicator pipeline for a symbol.</summary>
public interface IIndicatorPipelineFactory
{
    IIndicatorPipeline Create(string symbol);
}
