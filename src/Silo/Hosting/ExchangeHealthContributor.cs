using TradingBot.Dashboard.Health;
using TradingBot.Grains.Gateway;

namespace TradingBot.Silo.Hosting;

/// <summary>Adds stream connection states and the last closed candle per symbol and timeframe to /api/health.</summary>
internal sealed class ExchangeHealthContributor(StreamHealth health, ExchangeConnection connection) : IHealthContributor
{
    public string Name => "exchange";

    public object? Describe() => new
    {
        environment = connection.Mode,
        marketTime = connection.MarketClock.GetUtcNow(),
        streams = health.States,
        lastClosedCandles = health.LastClosed,
    };
}
