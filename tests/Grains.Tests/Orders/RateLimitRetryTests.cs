using TradingBot.Contracts.Grains;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Tests.Support;

namespace TradingBot.Grains.Tests.Orders;

/// <summary>The OrderGrain honours the exchange's Retry-After, which the REST client keeps in wall-clock time.</summary>
public sealed class RateLimitRetryTests
{
    [Fact]
    public async Task A_rate_limited_entry_waits_for_the_wall_clock_retry_time_even_when_the_market_clock_is_elsewhere()
    {
        // Paper mode: the grains run on the replayed market's clock (here mid-2025), the REST client on the wall clock.
        var exchange = new MemoryExchange();
        await exchange.SetPrice("BTCUSDT", 60_000m);
        await using var silo = await TradingSilo.StartAsync(exchange);
        var retryAfter = TimeSpan.FromMilliseconds(400);
        exchange.FailNextOrders(new ExchangeRateLimitException(-1003, 429, DateTimeOffset.UtcNow + retryAfter, "Too many requests"));
        var elapsed = System.Diagnostics.Stopwatch.StartNew();

        var outcome = await silo.Client.GetGrain<IOrderGrain>(AccountKeys.Main).ExecuteAsync(ApprovedOrders.Long("sig-429", exchange.Now));

        outcome.Filled.Should().BeTrue();
        outcome.Attempts.Should().Be(2, "one refused, one after the wait");
        elapsed.Elapsed.Should().BeGreaterThanOrEqualTo(retryAfter - TimeSpan.FromMilliseconds(50), "the second attempt waits for the exchange's retry time");
    }
}
