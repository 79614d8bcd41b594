using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Contracts.Grains;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Runtime;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Tests.Configuration;

/// <summary>
/// Last writer wins, key by key, across restarts: a dashboard change survives a restart unless the file's value
/// of that key was edited while the bot was stopped; other edited keys apply at start.
/// </summary>
public sealed class LivePrecedenceTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("silo-live-precedence-").FullName;
    private SimulatorInstance _exchange = null!;

    public async Task InitializeAsync() => _exchange = await LoopbackExchange.StartAsync();

    public async Task DisposeAsync() => await _exchange.DisposeAsync();

    [Fact]
    public async Task A_file_edit_made_while_stopped_applies_at_start_without_undoing_a_dashboard_change_of_another_key()
    {
        WriteSettings(riskPerTrade: 0.01m, leverage: 5);
        await using (var first = await StartAsync())
        {
            // What the dashboard's parameter form does for a leverage change.
            var current = (await Risk(first).GetStatusAsync()).Parameters;
            await Risk(first).UpdateSettingsAsync(current with { Leverage = 8 });
            await first.StopAsync();
        }

        WriteSettings(riskPerTrade: 0.012m, leverage: 5);
        await using (var second = await StartAsync())
        {
            (await Risk(second).GetStatusAsync()).Parameters.Should().Match<RiskParameters>(p => p.RiskPerTrade == 0.012m && p.Leverage == 8);
            await second.StopAsync();
        }

        await using var third = await StartAsync();
        (await Risk(third).GetStatusAsync()).Parameters.Should().Match<RiskParameters>(p => p.RiskPerTrade == 0.012m && p.Leverage == 8, "nothing was edited in between");
        await third.StopAsync();
    }

    private static IRiskGrain Risk(WebApplication app) => app.Services.GetRequiredService<IClusterClient>().GetGrain<IRiskGrain>(AccountKeys.Main);

    private async Task<WebApplication> StartAsync()
    {
        var app = await SiloHost.BuildAsync(new Dictionary<string, string?>
        {
            ["Silo:Urls"] = "http://127.0.0.1:0",
            ["Silo:Mode"] = "paper",
            ["Silo:ConfigDirectory"] = _dir,
            ["Silo:DataDirectory"] = Path.Combine(_dir, "data"),
            ["Silo:LogDirectory"] = Path.Combine(_dir, "logs"),
            ["Exchange:SimulatorUrl"] = _exchange.Url(),
            ["Dashboard:PasswordHash"] = TradingBot.Dashboard.Security.PasswordHashing.Hash("live-config-password"),
        });
        await app.StartAsync();
        return app;
    }

    private void WriteSettings(decimal riskPerTrade, int leverage)
    {
        var json = JsonSerializer.Serialize(new { Trading = new { Risk = new { RiskPerTrade = riskPerTrade, Leverage = leverage } } });
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), json);
    }
}
