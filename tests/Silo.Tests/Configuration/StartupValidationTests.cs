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
}
