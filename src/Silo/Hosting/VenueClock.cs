using TradingBot.Exchange.Simulator.Venue;

namespace TradingBot.Silo.Hosting;

/// <summary>
/// Paper mode's clock for the grains: "now" is the simulator's replayed market time, so history
/// queries, daily limits and trade timestamps live in the replayed days. Timers and elapsed-time
/// measurements stay on the machine's clock.
/// </summary>
internal sealed class VenueClock(SimulatedExchange venue) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => venue.MarketNow;
}
