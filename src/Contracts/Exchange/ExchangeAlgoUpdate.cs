using TradingBot.Runtime;
namespace TradingBot.Contracts.Exchange;

/// <summary>A conditional (algo) order change from the user stream (ALGO_UPDATE).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="ClientAlgoId">Our id for the stop or take-profit.</param>
/// <param name="AlgoId">Exchange algo id.</param>
/// <param name="Status">NEW, TRIGGERING, TRIGGERED, FINISHED, CANCELED, EXPIRED, REJECTED.</param>
/// <param name="ChildOrderId">Regular-book order id of the triggered child, when known.</param>
/// <param name="At">Event time.</param>
public sealed record ExchangeAlgoUpdate(string Symbol, string ClientAlgoId, long AlgoId, string Status, long? ChildOrderId, DateTimeOffset At) : Events.IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
