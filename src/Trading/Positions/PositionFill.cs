using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Positions;

/// <summary>One execution against the position, as reported by the user stream.</summary>
/// <param name="ClientOrderId">The order that filled (ours, or an exchange id such as autoclose-…).</param>
/// <param name="TradeId">Exchange trade id; (ClientOrderId, TradeId) identifies the fill.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Filled base quantity (positive).</param>
/// <param name="Price">Fill price.</param>
/// <param name="Commission">Fee charged in quote currency.</param>
/// <param name="At">Trade time (UTC).</param>
/// <param name="RealizedProfit">
/// The exchange's realized profit of this fill ("rp"), when it reports one. Booked instead of the price move for a
/// liquidation: the exchange then takes the whole isolated margin, more than the move to the fill price.
/// </param>
public sealed record PositionFill(string ClientOrderId, long TradeId, OrderSide Side, decimal Quantity, decimal Price, decimal Commission, DateTimeOffset At, decimal? RealizedProfit = null);
