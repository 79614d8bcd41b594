using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Contracts.Grains;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Binance.Streams;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Runtime;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Bench;

/// <summary>
/// The loopback simulator (paused: the bench advances the market) and the real silo built by the same host
/// builder as <c>trading-bot run</c>, in one process, talking over real HTTP and WebSocket on 127.0.0.1.
/// </summary>
internal sealed class BenchRig : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchRig(SimulatorInstance simulator, WebApplication app, string workDirectory)
    {
        Simulator = simulator;
        _app = app;
        WorkDirectory = workDirectory;
    }

    public SimulatorInstance Simulator { get; }

    public string WorkDirectory { get; }

    public IClusterClient Client => _app.Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's exchange client counters (frames received, open klines ignored, reconnects, back-fills).</summary>
    public StreamCounters? ClientCounters => (_app.Services.GetRequiredService<IExchange>() as BinanceFuturesClient)?.Counters;

    public static async Task<BenchRig> StartAsync(string candles, IReadOnlyList<string> symbols, DateTimeOffset start, IDictionary<string, string?> settings)
    {
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            DataPaths = [candles],
            Symbols = symbols,
            Speed = 0,
            Start = start,
            Port = 0,
        });
        try
        {
            // The replay is paused: walk the first bar so every symbol has a last price before the bot starts.
            simulator.Venue.AdvanceMarketTo(start);
            var dir = BenchPaths.Scratch($"silo-{Environment.ProcessId}-{DateTime.UtcNow:HHmmssfff}");
            var overrides = new Dictionary<string, string?>
            {
                ["Silo:Urls"] = "http://127.0.0.1:0",
                ["Silo:Mode"] = "paper",
                ["Silo:DataDirectory"] = Path.Combine(dir, "data"),
                ["Silo:LogDirectory"] = Path.Combine(dir, "logs"),
                ["Exchange:SimulatorUrl"] = simulator.RestBaseUrl.ToString().TrimEnd('/'),
                ["Dashboard:PasswordHash"] = TradingBot.Dashboard.Security.PasswordHashing.Hash("bench-password-123"),
            };
            foreach (var (key, value) in await SymbolSettingsAsync(symbols))
            {
                overrides[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }

            foreach (var (key, value) in settings)
            {
                overrides[key] = value;
            }

            var app = await SiloHost.BuildAsync(overrides);
            await app.StartAsync();
            var rig = new BenchRig(simulator, app, dir);
            var risk = rig.Client.GetGrain<IRiskGrain>(AccountKeys.Main);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(await risk.GetStatusAsync()).Reconciled)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("the silo did not finish start-up reconciliation within 60 s");
                }

                await Task.Delay(50);
            }

            return rig;
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Configuration keys for the symbol list. The plain configuration binder APPENDS bound array items to the default
    /// ["BTCUSDT", "ETHUSDT"] whatever their index; a silo that replaces the defaults takes indices 0..n-1. Which one
    /// this build does is asked of the product itself: a silo build with 0..n-1 either passes validation (and then
    /// fails to reach the unreachable exchange given to it) or refuses the symbol count.
    /// </summary>
    public static async Task<IReadOnlyList<(string Key, string Value)>> SymbolSettingsAsync(IReadOnlyList<string> symbols)
    {
        if (symbols.Count < 2 || symbols[0] != "BTCUSDT" || symbols[1] != "ETHUSDT")
        {
            throw new InvalidOperationException("the bench's symbol lists start with BTCUSDT, ETHUSDT (the configuration defaults).");
        }

        var all = symbols.Select((s, i) => ($"Trading__Symbols__{i}", s)).ToArray();
        s_appends ??= await BinderAppendsAsync(all);
        return s_appends.Value ? all.Skip(2).ToArray() : all;
    }

    private static bool? s_appends;

    private static async Task<bool> BinderAppendsAsync(IReadOnlyList<(string Key, string Value)> all)
    {
        var dir = BenchPaths.Scratch("binder-probe");
        var overrides = new Dictionary<string, string?>
        {
            ["Silo:Urls"] = "http://127.0.0.1:0",
            ["Silo:Mode"] = "paper",
            ["Silo:DataDirectory"] = Path.Combine(dir, "data"),
            ["Silo:LogDirectory"] = Path.Combine(dir, "logs"),
            ["Exchange:SimulatorUrl"] = "http://127.0.0.1:1",
        };
        foreach (var (key, value) in all)
        {
            overrides[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        try
        {
            await using var app = await SiloHost.BuildAsync(overrides);
            return false;
        }
        catch (ConfigurationException ex) when (ex.Message.Contains("Trading:Symbols has", StringComparison.Ordinal))
        {
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Validation passed; the unreachable exchange (or anything after it) failed as intended.
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
