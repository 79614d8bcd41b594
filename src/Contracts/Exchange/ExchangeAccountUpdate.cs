using TradingBot.Runtime;
using System.Collections.Immutable;

namespace TradingBot.Contracts.Exchange;

/// <summary>Balance and position changes from the user stream (ACCOUNT_UPDATE).</summary>
/// <param name="Reason">ORDER, FUNDING_FEE, ...</param>
/// <param name="WalletBalance">USDT wallet balance after the change, when included.</param>
/// <param name="Positions">Changed positions: symbol → signed amount and entry price.</param>
/// <param name="At">Event time.</param>
public sealed record ExchangeAccountUpdate(string Reason, decimal? WalletBalance, ImmutableArray<ExchangePositionAmount> Positions, DateTimeOffset At) : Events.IBotEvent
{
    public MessagePriority Priority => MessagePriority.High;
}
