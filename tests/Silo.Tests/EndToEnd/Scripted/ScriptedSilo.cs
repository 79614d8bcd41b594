using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Contracts.Grains;
using TradingBot.Runtime;
using TradingBot.Silo.Hosting;
using TradingBot.Trading.Journal;

namespace TradingBot.Silo.Tests.EndToEnd.Scripted;

/// <summary>The real silo in paper mode against a <see cref="ScriptedMarket"/>, all three strategies switched on.</summary>
internal sealed class ScriptedSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedSilo(WebApplication app) => _app = app;

    public IClusterClient Client => _app.Services.GetRequiredService<IClusterClient>();

    public TradeJournal Journal => _app.Services.GetRequiredService<TradeJournal>();

    public static async Task<ScriptedSilo> StartAsync(ScriptedMarket market)
    {
        var dir = Directory.CreateTempSubdirectory("silo-scripted-").FullName;
        var app = await SiloHost.BuildAsync(new Dictionary<string, string?>
        {
            ["Silo:Urls"] = "http://127.0.0.1:0",
            ["Silo:Mode"] = "paper",
            ["Silo:DataDirectory"] = Path.Combine(dir, "data"),
            ["Silo:LogDirectory"] = Path.Combine(dir, "logs"),
            ["Exchange:SimulatorUrl"] = market.Url,
            ["Trading:ProtectionCheckInterval"] = "00:00:01",
            ["Dashboard:PasswordHash"] = TradingBot.Dashboard.Security.PasswordHashing.Hash("e2e-password-123"),
        });
        await app.StartAsync();
        var silo = new ScriptedSilo(app);
        await Eventually.Async(async () => (await silo.Client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync()).Reconciled, "start-up reconciliation");

        // The market stream is opened after reconciliation; the simulator only sends klines to subscribers.
        await Eventually.Async(
            () => Task.FromResult(market.Simulator.Hub.HasSubscribers("market", "btcusdt@kline_1m") && market.Simulator.Hub.HasSubscribers("market", "ethusdt@kline_1m")),
            "the bot's kline subscriptions");
        return silo;
    }

    /// <summary>Waits until the SymbolGrain has processed the 1m candle opening at <paramref name="openTime"/>.</summary>
    public Task WaitProcessedAsync(string symbol, DateTimeOffset openTime) =>
        Eventually.Async(
            async () => (await Client.GetGrain<ISymbolGrain>(symbol).GetStatusAsync()).LastClosedByTimeframe.TryGetValue("1m", out var last) && last >= openTime,
            $"{symbol} {openTime:HH:mm} processed");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
