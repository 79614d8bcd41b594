using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Tests.Configuration;

/// <summary>PRD §6.3.1 over real HTTP: the key's permissions come from GET /sapi/v1/account/apiRestrictions on the loopback simulator.</summary>
[Collection("console")]
public sealed class KeySafetyTests
{
    [Fact]
    public async Task A_read_and_futures_key_without_withdrawals_passes_and_its_permissions_are_read()
    {
        await using var simulator = await LoopbackExchange.StartAsync(new ApiKeyPermissions { IpRestrict = true }, withCandles: false);

        var restrictions = await KeyPermissionGuard.ReadAsync(Options(simulator), NullLoggerFactory.Instance, CancellationToken.None);
        await KeyPermissionGuard.EnsureSafeAsync(Options(simulator), NullLoggerFactory.Instance, CancellationToken.None);

        restrictions.Should().NotBeNull();
        restrictions!.Describe().Should().Be("reading yes, futures yes, withdrawals no, IP restriction yes");
    }

    [Fact]
    public async Task A_key_with_withdrawals_enabled_is_refused_naming_the_permission()
    {
        await using var simulator = await LoopbackExchange.StartAsync(new ApiKeyPermissions { EnableWithdrawals = true }, withCandles: false);

        var act = () => KeyPermissionGuard.EnsureSafeAsync(Options(simulator), NullLoggerFactory.Instance, CancellationToken.None);

        (await act.Should().ThrowAsync<ConfigurationException>()).Which.Message.Should().Contain("withdrawals enabled");
    }

    [Fact]
    public async Task A_key_whose_permissions_cannot_be_read_is_refused_saying_why()
    {
        await using var simulator = await LoopbackExchange.StartAsync(withCandles: false);
        var wrongSecret = Options(simulator) with { ApiSecret = "not-the-secret" };

        var act = () => KeyPermissionGuard.EnsureSafeAsync(wrongSecret, NullLoggerFactory.Instance, CancellationToken.None);

        (await act.Should().ThrowAsync<ConfigurationException>()).Which.Message.Should().Contain("could not be verified").And.Contain("-1022");
    }

    [Fact]
    public async Task Testnet_has_no_wallet_api_and_is_not_checked()
    {
        var demo = new BinanceClientOptions { Environment = BinanceEnvironment.Demo, ApiKey = "k", ApiSecret = "s" };

        (await KeyPermissionGuard.ReadAsync(demo, NullLoggerFactory.Instance, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Start_up_with_a_withdrawal_key_stops_with_exit_code_2()
    {
        await using var simulator = await LoopbackExchange.StartAsync(new ApiKeyPermissions { EnableWithdrawals = true }, withCandles: false);
        var dir = Directory.CreateTempSubdirectory("silo-keys-").FullName;
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await SiloHost.RunAsync(new Dictionary<string, string?>
            {
                ["Silo:Urls"] = "http://127.0.0.1:0",
                ["Silo:DataDirectory"] = Path.Combine(dir, "data"),
                ["Silo:LogDirectory"] = Path.Combine(dir, "logs"),
                ["Silo:ConfigDirectory"] = dir,
                ["Exchange:SimulatorUrl"] = simulator.Url(),
                ["Exchange:VerifyKeyPermissions"] = "true",
            }, CancellationToken.None);

            exit.Should().Be(2);
            error.ToString().Should().Contain("refusing to start").And.Contain("withdrawals enabled");
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private static BinanceClientOptions Options(SimulatorInstance simulator) => new()
    {
        Environment = BinanceEnvironment.Custom(simulator.RestBaseUrl, simulator.StreamBaseUrl),
        ApiKey = simulator.ApiKey,
        ApiSecret = simulator.ApiSecret,
    };
}
