using TradingBot.Runtime;

namespace TradingBot.Contracts.Events;

/// <summary>
/// A message that travels on a stream. Every event says how urgent it is (PRD §4.1.4): critical
/// events (system error, daily loss limit, WebSocket disconnected, emergency stop) overtake market data
/// in the runtime's mailbox lanes.
/// </summary>
public interface IBotEvent : IHasPriority
{
}
