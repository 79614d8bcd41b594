namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>A request rejected with a Binance error code (the body the server sends is <c>{"code","msg"}</c>).</summary>
public sealed class ExchangeRejectedException : Exception
{
    public ExchangeRejectedException(int code, string message, int httpStatus = 400)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public ExchangeRejectedException()
        : this(-1000, "An unknown error occured while processing the request.")
    {
    }

    public ExchangeRejectedException(string message)
        : this(-1000, message)
    {
    }

    public ExchangeRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = -1000;
        HttpStatus = 500;
    }

    /// <summary>Binance error code (negative).</summary>
    public int Code { get; }

    /// <summary>HTTP status the server answers with.</summary>
    public int HttpStatus { get; }
}
