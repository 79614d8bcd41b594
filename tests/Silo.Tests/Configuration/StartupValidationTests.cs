using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Tests.Configuration;

/// <summary>A bad configuration value stops start-up with exit code 2 and a message naming the key and range.</summary>
[Collection("console")]
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Trading:Risk:RiskPerTrade", "0.09", "Trading:Risk:RiskPerTrade = 0.09 is outside the allowed range 0.001–0.05")]
    [InlineData("Trading:Risk:Leverage", "50", "Trading:Risk:Leverage = 50 is outside the allowed range 1–20")]
    [InlineData("Trading:Strategy:StopTolerance", "0.01", "Trading:Strategy:StopTolerance = 0.01 is outside the allowed range 0.001–0.003")]
    [InlineData("Trading:Strategies:0", "D", "Trading:Strategies contains 'D'")]
    [InlineData("Trading:Risk:DailyLossLimit", "lots", "Trading:Risk:DailyLossLimit")]
    [InlineData("Silo:Mode", "demo", "Silo:Mode = demo is not one of paper, testnet, mainnet")]
    [InlineData("Trading:Strategy:Priority", "A,X", "Trading:Strategy:Priority = 'A,X' must list strategies A, B, C")]
    public async Task Bad_values_stop_start_up_with_exit_code_2_naming_the_key(string key, string value, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("silo-config-").FullName;
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
                [key] = value,
            }, CancellationToken.None);

            exit.Should().Be(2);
            error.ToString().Should().Contain(expected);
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Fact]
    public async Task A_broken_appsettings_file_stops_start_up_with_exit_code_2_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("silo-config-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "appsettings.json"), "{ \"Trading\": { \"Risk\": ");
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await SiloHost.RunAsync(new Dictionary<string, string?>
            {
                ["Silo:Urls"] = "http://127.0.0.1:0",
                ["Silo:ConfigDirectory"] = dir,
                ["Silo:DataDirectory"] = Path.Combine(dir, "data"),
                ["Silo:LogDirectory"] = Path.Combine(dir, "logs"),
            }, CancellationToken.None);

            exit.Should().Be(2);
            error.ToString().Should().Contain("appsettings.json");
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Fact]
    public async Task An_unreachable_exchange_at_start_up_exits_1_with_a_message_instead_of_crashing()
    {
        var dir = Directory.CreateTempSubdirectory("silo-config-").FullName;
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await SiloHost.RunAsync(new Dictionary<string, string?>
            {
                ["Silo:Urls"] = "http://127.0.0.1:0",
                ["Silo:ConfigDirectory"] = dir,
                ["Silo:DataDirectory"] = Path.Combine(dir, "data"),
                ["Silo:LogDirectory"] = Path.Combine(dir, "logs"),
                ["Exchange:SimulatorUrl"] = "http://127.0.0.1:9",
            }, CancellationToken.None);

            exit.Should().Be(1);
            error.ToString().Should().Contain("the exchange did not answer");
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
