using TradingBot.Contracts.Grains;
using TradingBot.Dashboard.Health;
using TradingBot.Grains.Gateway;
using TradingBot.Runtime;

namespace TradingBot.Silo.Hosting;

/// <summary>
/// Adds the exchange environment, market time, stream connection states, the last closed candle per
/// symbol and timeframe, and whether trading is reconciled and open for entries to /api/health.
/// </summary>
internal sealed class ExchangeHealthContributor(StreamHealth health, ExchangeConnection connection, IClusterClient client) : IHealthContributor
{
    public string Name => "exchange";

    public async ValueTask<object?> DescribeAsync()
    {
        var risk = await client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync();
        return new
        {
            environment = connection.Mode,
            marketTime = connection.MarketClock.GetUtcNow(),
            streams = health.States,
            lastClosedCandles = health.LastClosed,
            trading = new { reconciled = risk.Reconciled, entriesAllowed = risk.EntriesAllowed, openPositions = risk.OpenPositions },
        };
    }
}
