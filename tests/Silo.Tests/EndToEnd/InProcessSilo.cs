using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Runtime;
using TradingBot.Silo.Hosting;
using TradingBot.Trading.Journal;

namespace TradingBot.Silo.Tests.EndToEnd;

/// <summary>The real silo (paper mode, real Binance client) against an external simulator.</summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _signals;

    private InProcessSilo(WebApplication app) => _app = app;

    public IClusterClient Client => _app.Services.GetRequiredService<IClusterClient>();

    public TradeJournal Journal => _app.Services.GetRequiredService<TradeJournal>();

    public IRiskGrain Risk => Client.GetGrain<IRiskGrain>(AccountKeys.Main);

    public static async Task<InProcessSilo> StartAsync(ExchangeUnderTest exchange, IDictionary<string, string?>? settings = null)
    {
        var dir = Directory.CreateTempSubdirectory("silo-e2e-").FullName;
        var overrides = new Dictionary<string, string?>
        {
            ["Silo:Urls"] = "http://127.0.0.1:0",
            ["Silo:Mode"] = "paper",
            ["Silo:DataDirectory"] = Path.Combine(dir, "data"),
            ["Silo:LogDirectory"] = Path.Combine(dir, "logs"),
            ["Exchange:SimulatorUrl"] = exchange.Url,
            ["Trading:ProtectionCheckInterval"] = "00:00:01",
            ["Dashboard:PasswordHash"] = TradingBot.Dashboard.Security.PasswordHashing.Hash("e2e-password-123"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = await SiloHost.BuildAsync(overrides);
        await app.StartAsync();
        var silo = new InProcessSilo(app);
        await Eventually.Async(async () => (await silo.Risk.GetStatusAsync()).Reconciled, "start-up reconciliation");
        return silo;
    }

    /// <summary>Proposes a signal the way a StrategyGrain does: stop 1 % away, target 3 % away.</summary>
    public Task<RiskDecision> ProposeAsync(ExchangeUnderTest exchange, string symbol, Direction direction, DateTimeOffset at)
    {
        var entry = exchange.LastPrice(symbol);
        var sign = direction == Direction.Bullish ? 1m : -1m;
        var id = Interlocked.Increment(ref _signals);
        var signal = new TradeSignal($"A:{symbol}:{id}", "A", symbol, direction, entry, entry * (1 - (0.01m * sign)), entry * (1 + (0.03m * sign)), 0.8, [$"e2e-zone-{id}"], at.AddMinutes(id));
        return Risk.ProposeAsync(signal);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
