namespace TradingBot.Reliability.Tests.Grains;

/// <summary>(Copied from tests/Grains.Tests/Support.) "Now" is the test exchange's market time; timers stay real.</summary>
internal sealed class ExchangeClock(MemoryExchange exchange) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => exchange.Now;
}
