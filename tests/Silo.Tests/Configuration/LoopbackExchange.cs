using TradingBot.Exchange.Simulator.Hosting;

namespace TradingBot.Silo.Tests.Configuration;

/// <summary>A loopback simulator with the bundled candles, paused, prices set from history; key permissions chosen by the test.</summary>
internal static class LoopbackExchange
{
    public static readonly DateTimeOffset Start = new(2025, 5, 27, 0, 0, 0, TimeSpan.Zero);

    public static async Task<SimulatorInstance> StartAsync(ApiKeyPermissions? permissions = null, bool withCandles = true)
    {
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            DataPaths = withCandles ? [Path.Combine(AppContext.BaseDirectory, "candles")] : [],
            Symbols = ["BTCUSDT", "ETHUSDT"],
            Speed = 0,
            Start = withCandles ? Start : null,
            Port = 0,
            KeyPermissions = permissions ?? new ApiKeyPermissions(),
        });
        simulator.PushPrice("BTCUSDT", 108_000m);
        simulator.PushPrice("ETHUSDT", 2_600m);
        return simulator;
    }

    public static string Url(this SimulatorInstance simulator) => simulator.RestBaseUrl.ToString().TrimEnd('/');
}
