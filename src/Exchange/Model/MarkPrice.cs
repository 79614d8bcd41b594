namespace TradingBot.Exchange.Model;

/// <summary>Mark price and funding information for a symbol (REST premiumIndex or markPrice stream).</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Price">Mark price.</param>
/// <param name="IndexPrice">Index price.</param>
/// <param name="EstimatedSettlePrice">Estimated settle price.</param>
/// <param name="FundingRate">Current (last) funding rate.</param>
/// <param name="NextFundingTime">Next funding time (UTC).</param>
/// <param name="Time">Event or snapshot time (UTC).</param>
public sealed record MarkPrice(
    string Symbol,
    decimal Price,
    decimal IndexPrice,
    decimal EstimatedSettlePrice,
    decimal FundingRate,
    DateTimeOffset NextFundingTime,
    DateTimeOffset Time);
