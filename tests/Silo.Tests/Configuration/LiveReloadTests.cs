using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Dashboard.Ports.Control;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Grains.Hosting;
using TradingBot.Operations.Alerts;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;
using TradingBot.Silo.Hosting;
using TradingBot.Silo.Hosting.LiveConfig;
using TradingBot.Silo.Tests.EndToEnd;

namespace TradingBot.Silo.Tests.Configuration;

/// <summary>
/// PRD §5.6.3 with a real appsettings.json in a temp folder and the real silo in-process: editing the file
/// changes the running RiskGrain and strategy values without a restart, publishes ConfigChanged, rejects a bad
/// value naming the key (old value kept), and reports a symbol change as needing a restart.
/// </summary>
public sealed class LiveReloadTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("silo-live-config-").FullName;
    private readonly ConcurrentQueue<ConfigChanged> _published = new();
    private SimulatorInstance _exchange = null!;
    private WebApplication _app = null!;

    private string SettingsPath => Path.Combine(_dir, "appsettings.json");

    private IClusterClient Client => _app.Services.GetRequiredService<IClusterClient>();

    private IRiskGrain Risk => Client.GetGrain<IRiskGrain>(AccountKeys.Main);

    public async Task InitializeAsync()
    {
        _exchange = await LoopbackExchange.StartAsync();
        WriteSettings(riskPerTrade: 0.01m, leverage: 5, stopTolerance: 0.002m, symbols: ["BTCUSDT", "ETHUSDT"]);
        _app = await SiloHost.BuildAsync(new Dictionary<string, string?>
        {
            ["Silo:Urls"] = "http://127.0.0.1:0",
            ["Silo:Mode"] = "paper",
            ["Silo:ConfigDirectory"] = _dir,
            ["Silo:DataDirectory"] = Path.Combine(_dir, "data"),
            ["Silo:LogDirectory"] = Path.Combine(_dir, "logs"),
            ["Exchange:SimulatorUrl"] = _exchange.Url(),
            ["Dashboard:PasswordHash"] = TradingBot.Dashboard.Security.PasswordHashing.Hash("live-config-password"),
        });
        await _app.StartAsync();
        await Client.GetStreamProvider(StreamNames.Provider).GetStream<IBotEvent>(StreamId.Create(StreamNames.System, "silo"))
            .SubscribeAsync((e, _) =>
            {
                if (e is ConfigChanged changed)
                {
                    _published.Enqueue(changed);
                }

                return Task.CompletedTask;
            });
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _exchange.DisposeAsync();
    }

    [Fact]
    public async Task Operational_values_apply_live_and_a_symbol_change_is_reported_as_needing_a_restart()
    {
        (await Risk.GetStatusAsync()).Parameters.Leverage.Should().Be(5);

        WriteSettings(riskPerTrade: 0.015m, leverage: 7, stopTolerance: 0.0025m, symbols: ["BTCUSDT", "ETHUSDT"]);

        await Eventually.Async(async () => (await Risk.GetStatusAsync()).Parameters is { RiskPerTrade: 0.015m, Leverage: 7 }, "the RiskGrain to take the new values");
        await Eventually.Async(() => Task.FromResult(!_published.IsEmpty), "ConfigChanged");
        _published.Single().LiveKeys.Should().BeEquivalentTo("Trading:Risk:Leverage", "Trading:Risk:RiskPerTrade", "Trading:Strategy:StopTolerance");
        _published.Single().RestartKeys.Should().BeEmpty();
        Options().Strategy.StopTolerance.Should().Be(0.0025m);
        _exchange.Venue.Run(e => e.SymbolConfigs(_exchange.ApiKey, "BTCUSDT")).Single().Leverage.Should().Be(7, "leverage is set on the exchange as the dashboard does");

        WriteSettings(riskPerTrade: 0.015m, leverage: 7, stopTolerance: 0.0025m, symbols: ["BTCUSDT"]);

        await Eventually.Async(() => Task.FromResult(_published.Count == 2), "ConfigChanged for the symbol change");
        var restart = _published.Last();
        restart.LiveKeys.Should().BeEmpty();
        restart.RestartKeys.Should().Contain("Trading:Symbols:1");
        _app.Services.GetRequiredService<AcceptedTradingConfiguration>().Root["Trading:Symbols:1"].Should().Be("ETHUSDT", "core parameters only change at the next start");
        Options().Symbols.Should().Contain("ETHUSDT");
        // The alert goes through the alert bridge's stream subscription after ConfigChanged is published.
        await Eventually.Async(
            () => Task.FromResult(Alerts().Any(a => a.Kind == AlertKind.ConfigChanged && a.Text.Contains("재시작 필요: Trading:Symbols:1", StringComparison.Ordinal))),
            "the needs-restart alert");
    }

    [Fact]
    public async Task A_bad_value_is_rejected_naming_the_key_and_range_and_the_old_values_stay()
    {
        WriteSettings(riskPerTrade: 0.02m, leverage: 50, stopTolerance: 0.002m, symbols: ["BTCUSDT", "ETHUSDT"]);

        await Eventually.Async(() => Task.FromResult(Alerts().Any(a => a.Kind == AlertKind.ConfigChanged)), "the rejection alert");
        Alerts().Single(a => a.Kind == AlertKind.ConfigChanged).Text.Should().Contain("Trading:Risk:Leverage = 50 is outside the allowed range 1–20");
        (await Risk.GetStatusAsync()).Parameters.Should().Match<RiskParameters>(p => p.Leverage == 5 && p.RiskPerTrade == 0.01m, "nothing of a rejected change applies");
        Options().Risk.Leverage.Should().Be(5);
        _published.Should().BeEmpty();
        var log = string.Join('\n', Directory.GetFiles(Path.Combine(_dir, "logs")).Select(ReadShared));
        log.Should().Contain("Configuration change rejected").And.Contain("Trading:Risk:Leverage = 50 is outside the allowed range 1–20");
    }

    [Fact]
    public async Task A_half_written_file_is_reported_and_ignored_until_it_is_fixed()
    {
        File.WriteAllText(SettingsPath + ".tmp", "{ \"Trading\": { \"Risk\": { \"Leverage\": ");
        File.Move(SettingsPath + ".tmp", SettingsPath, overwrite: true);

        await Eventually.Async(() => Task.FromResult(Alerts().Any(a => a.Kind == AlertKind.ConfigChanged)), "the unreadable-file alert");
        Alerts().Where(a => a.Kind == AlertKind.ConfigChanged).Should().OnlyContain(a => a.Text.Contains("appsettings.json", StringComparison.Ordinal) && a.Text.Contains("file not readable", StringComparison.Ordinal));
        (await Risk.GetStatusAsync()).Parameters.Leverage.Should().Be(5);
        Options().Risk.RiskPerTrade.Should().Be(0.01m, "the values in force stay while the file is broken");

        WriteSettings(riskPerTrade: 0.01m, leverage: 6, stopTolerance: 0.002m, symbols: ["BTCUSDT", "ETHUSDT"]);

        await Eventually.Async(async () => (await Risk.GetStatusAsync()).Parameters.Leverage == 6, "the fixed file to apply");
        await Eventually.Async(() => Task.FromResult(!_published.IsEmpty), "ConfigChanged");
        _published.Single().LiveKeys.Should().Equal("Trading:Risk:Leverage");
    }

    [Fact]
    public async Task A_dashboard_parameter_change_publishes_the_same_ConfigChanged_with_configuration_keys()
    {
        var control = _app.Services.GetRequiredService<IBotControl>();

        var result = await control.SetOperationalParametersAsync(new Dictionary<string, decimal> { ["riskPerTradePercent"] = 1.5m, ["minRewardToRisk"] = 2m }, CancellationToken.None);

        result.Errors.Should().BeEmpty();
        (await Risk.GetStatusAsync()).Parameters.RiskPerTrade.Should().Be(0.015m);
        await Eventually.Async(() => Task.FromResult(!_published.IsEmpty), "ConfigChanged from the dashboard");
        _published.Single().Should().Match<ConfigChanged>(c => c.LiveKeys.SequenceEqual(new[] { "Trading:Risk:MinRewardToRisk", "Trading:Risk:RiskPerTrade" }) && c.RestartKeys.IsEmpty);
    }

    private TradingOptions Options() => _app.Services.GetRequiredService<IOptionsMonitor<TradingOptions>>().CurrentValue;

    private IReadOnlyList<Alert> Alerts() => [.. _app.Services.GetRequiredService<AlertOutbox>().ReadAll().Select(e => e.Alert)];

    /// <summary>Writes the whole file at once (rename), as an editor's save does, so the watcher never reads half a file.</summary>
    private void WriteSettings(decimal riskPerTrade, int leverage, decimal stopTolerance, string[] symbols)
    {
        var json = JsonSerializer.Serialize(new
        {
            Trading = new
            {
                Symbols = symbols,
                ProtectionCheckInterval = "00:00:01",
                Risk = new { RiskPerTrade = riskPerTrade, Leverage = leverage, DailyLossLimit = 0.06m },
                Strategy = new { StopTolerance = stopTolerance },
            },
        });
        var temp = SettingsPath + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, SettingsPath, overwrite: true);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
