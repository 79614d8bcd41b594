using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Errors;

/// <summary>One row of the error table.</summary>
/// <param name="Code">Binance code (negative).</param>
/// <param name="Name">Binance name.</param>
/// <param name="Message">Binance message (may be a template with %s).</param>
/// <param name="Outcome">Raw outcome from the table (not_executed / unknown / rejected / benign).</param>
/// <param name="Class">Our classification.</param>
public sealed record BinanceErrorCode(int Code, string Name, string Message, string Outcome, ExchangeErrorClass Class);
