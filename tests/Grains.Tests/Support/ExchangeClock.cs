namespace TradingBot.Grains.Tests.Support;

/// <summary>"Now" is the test exchange's market time; timers stay real.</summary>
internal sealed class ExchangeClock(MemoryExchange exchange) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => exchange.Now;
}
