using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Tests.EndToEnd;

public sealed class CheckTests
{
    [Fact]
    public async Task Check_reports_every_item_against_a_reachable_exchange()
    {
        await using var exchange = await ExchangeUnderTest.StartAsync(new DateTimeOffset(2025, 5, 27, 0, 0, 0, TimeSpan.Zero));
        var output = new StringWriter();

        var exit = await SiloCheck.RunAsync(new Dictionary<string, string?> { ["Silo:Mode"] = "paper", ["Exchange:SimulatorUrl"] = exchange.Url }, output, CancellationToken.None);

        var text = output.ToString();
        exit.Should().Be(0, text);
        text.Should().Contain("OK    exchange reachable").And.Contain("OK    account access").And.Contain("OK    symbol BTCUSDT").And.Contain("All checks passed.");
        text.Should().Contain("OK    key permissions        reading yes, futures yes, withdrawals no, IP restriction no");
    }

    [Fact]
    public async Task Check_fails_the_key_permissions_line_when_withdrawals_are_enabled()
    {
        await using var simulator = await Configuration.LoopbackExchange.StartAsync(new TradingBot.Exchange.Simulator.Hosting.ApiKeyPermissions { EnableWithdrawals = true });
        var output = new StringWriter();

        var exit = await SiloCheck.RunAsync(new Dictionary<string, string?> { ["Silo:Mode"] = "paper", ["Exchange:SimulatorUrl"] = Configuration.LoopbackExchange.Url(simulator) }, output, CancellationToken.None);

        var text = output.ToString();
        exit.Should().Be(1, text);
        text.Should().Contain("FAIL  key permissions        reading yes, futures yes, withdrawals yes, IP restriction no — the API key has withdrawals enabled");
    }

    [Fact]
    public async Task Check_fails_with_a_reason_when_the_exchange_is_unreachable_or_the_configuration_is_bad()
    {
        var output = new StringWriter();

        var exit = await SiloCheck.RunAsync(new Dictionary<string, string?>
        {
            ["Silo:Mode"] = "paper",
            ["Exchange:SimulatorUrl"] = "http://127.0.0.1:9",
            ["Trading:Risk:Leverage"] = "40",
        }, output, CancellationToken.None);

        exit.Should().Be(1);
        output.ToString().Should().Contain("FAIL  configuration").And.Contain("Trading:Risk:Leverage = 40").And.Contain("FAIL  exchange");
    }
}
