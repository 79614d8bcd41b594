using TradingBot.Exchange.Binance.Streams;

namespace TradingBot.Exchange.Tests.Streams;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delay_grows_exponentially_with_jitter_and_never_exceeds_30_seconds()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5), seed: 1);

        var delays = Enumerable.Range(1, 200).Select(backoff.Next).ToList();

        delays.Should().OnlyContain(d => d <= TimeSpan.FromSeconds(30) && d > TimeSpan.Zero);
        delays[0].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(500));
        delays[4].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(8));
        delays.Skip(10).Should().OnlyContain(d => d >= TimeSpan.FromSeconds(15), "capped base 30 s with equal jitter");
        delays.Skip(10).Distinct().Should().HaveCountGreaterThan(10, "jitter spreads reconnect storms");
    }

    [Fact]
    public void Configured_cap_below_30_seconds_is_honoured()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), seed: 3);

        Enumerable.Range(1, 50).Select(backoff.Next).Should().OnlyContain(d => d <= TimeSpan.FromSeconds(2));
    }
}
