using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Errors;

/// <summary>Builds the typed exception for a classified error.</summary>
internal static class ExchangeErrors
{
    public static ExchangeException Create(ExchangeErrorClass errorClass, int? code, int? httpStatus, string message) => errorClass switch
    {
        ExchangeErrorClass.NotExecuted => new ExchangeNotExecutedException(code, httpStatus, message),
        ExchangeErrorClass.UnknownOutcome => new ExchangeUnknownOutcomeException(code, httpStatus, message),
        ExchangeErrorClass.NotFound => new ExchangeNotFoundException(code, httpStatus, message),
        ExchangeErrorClass.Duplicate => new ExchangeDuplicateException(code, httpStatus, message),
        ExchangeErrorClass.Auth => new ExchangeAuthException(code, httpStatus, message),
        ExchangeErrorClass.Benign => new ExchangeBenignException(code, httpStatus, message),
        _ => new ExchangeRejectedException(code, httpStatus, message),
    };
}
