using TradingBot.Chaos.Process;
using TradingBot.Exchange.Simulator.Hosting;

namespace TradingBot.Reliability.Tests;

/// <summary>
/// Regression found by the chaos run (seed 1): one HTTP 503 on POST /fapi/v1/leverage during start-up used to end the
/// silo with an unhandled ExchangeUnknownOutcomeException. Account settings are idempotent and are now asked again.
/// </summary>
public sealed class StartupUnderFaultsTests
{
    [NeedsBundledCandlesFact]
    public async Task Lost_replies_to_account_settings_at_start_up_do_not_stop_the_silo()
    {
        var start = new DateTimeOffset(2025, 5, 27, 0, 0, 0, TimeSpan.Zero);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            DataPaths = [BundledCandles.Folder!],
            Speed = 0,
            Start = start,
            Port = 0,
        });
        foreach (var symbol in simulator.Options.Symbols)
        {
            simulator.PushPrice(symbol, simulator.Venue.Klines(symbol, TimeSpan.FromMinutes(1), null, start.ToUnixTimeMilliseconds() - 1, 5)[^1].Close);
        }

        simulator.Faults.OnlyPath = "/fapi/v1/leverage";
        simulator.Faults.UnknownErrorAfterExecuting(1);
        var work = Directory.CreateTempSubdirectory("chaos-startup-").FullName;
        var launch = new SiloLaunch(BundledCandles.SiloAssembly, work, Path.Combine(work, "data"), new Dictionary<string, string>
        {
            ["TRADINGBOT_Exchange__SimulatorUrl"] = simulator.RestBaseUrl.ToString().TrimEnd('/'),
            ["TRADINGBOT_Silo__LogDirectory"] = Path.Combine(work, "logs"),
        });
        using var silo = SiloProcess.Start(launch, 1);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        SiloHealth? health = null;
        while (DateTime.UtcNow < deadline && !silo.HasExited && health is not { Reconciled: true })
        {
            health = await silo.HealthAsync();
            await Task.Delay(100);
        }

        simulator.Faults.Statistics.Unknown503.Should().Be(1, "the fault hit the leverage call");
        silo.HasExited.Should().BeFalse("a lost reply to an idempotent setting is retried, not fatal");
        health.Should().NotBeNull();
        health!.Reconciled.Should().BeTrue();
    }
}
