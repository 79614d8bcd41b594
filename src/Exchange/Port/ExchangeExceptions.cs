namespace TradingBot.Exchange.Port;

/// <summary>An error reported by (or on the way to) the exchange, already classified.</summary>
public abstract class ExchangeException : Exception
{
    protected ExchangeException(ExchangeErrorClass errorClass, int? code, int? httpStatus, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorClass = errorClass;
        Code = code;
        HttpStatus = httpStatus;
    }

    /// <summary>Classification that drives the caller's handling.</summary>
    public ExchangeErrorClass ErrorClass { get; }

    /// <summary>Binance error code (negative), or null for transport/local errors.</summary>
    public int? Code { get; }

    /// <summary>HTTP status, when there was a reply.</summary>
    public int? HttpStatus { get; }
}

/// <summary>Not executed (clock, throttle, internal retryable error, rate limit). Safe to retry with the same client id.</summary>
public class ExchangeNotExecutedException : ExchangeException
{
    public ExchangeNotExecutedException(int? code, int? httpStatus, string message, Exception? inner = null)
        : base(ExchangeErrorClass.NotExecuted, code, httpStatus, message, inner)
    {
    }
}

/// <summary>Rate limited (429) or IP banned (418): no request is sent until <see cref="RetryAt"/>.</summary>
public sealed class ExchangeRateLimitException : ExchangeNotExecutedException
{
    public ExchangeRateLimitException(int? code, int? httpStatus, DateTimeOffset retryAt, string message)
        : base(code, httpStatus, message)
    {
        RetryAt = retryAt;
    }

    /// <summary>Earliest time the client will send again (UTC).</summary>
    public DateTimeOffset RetryAt { get; }
}

/// <summary>Execution status unknown and could not be resolved by reconciliation within the grace period.</summary>
public sealed class ExchangeUnknownOutcomeException : ExchangeException
{
    public ExchangeUnknownOutcomeException(int? code, int? httpStatus, string message, Exception? inner = null)
        : base(ExchangeErrorClass.UnknownOutcome, code, httpStatus, message, inner)
    {
    }
}

/// <summary>Rejected by the exchange, or by local validation before sending (<see cref="ExchangeException.Code"/> null, <see cref="IsLocal"/> true).</summary>
public sealed class ExchangeRejectedException : ExchangeException
{
    public ExchangeRejectedException(int? code, int? httpStatus, string message, bool isLocal = false)
        : base(ExchangeErrorClass.Rejected, code, httpStatus, message)
    {
        IsLocal = isLocal;
    }

    /// <summary>True when the request was refused locally (filters, id format) and never sent.</summary>
    public bool IsLocal { get; }
}

/// <summary>The order is unknown or already gone (-2013 / -2011).</summary>
public sealed class ExchangeNotFoundException : ExchangeException
{
    public ExchangeNotFoundException(int? code, int? httpStatus, string message)
        : base(ExchangeErrorClass.NotFound, code, httpStatus, message)
    {
    }
}

/// <summary>The client id is already used by an open order (-4116).</summary>
public sealed class ExchangeDuplicateException : ExchangeException
{
    public ExchangeDuplicateException(int? code, int? httpStatus, string message)
        : base(ExchangeErrorClass.Duplicate, code, httpStatus, message)
    {
    }
}

/// <summary>Authentication/permission/WAF failure (-1022, -2014, -2015, 401, 403). Halt and alert.</summary>
public sealed class ExchangeAuthException : ExchangeException
{
    public ExchangeAuthException(int? code, int? httpStatus, string message)
        : base(ExchangeErrorClass.Auth, code, httpStatus, message)
    {
    }
}

/// <summary>A reply that could not be understood (malformed JSON, missing fields, non-finite numbers).</summary>
public sealed class ExchangeProtocolException : ExchangeException
{
    public ExchangeProtocolException(string message, Exception? inner = null)
        : base(ExchangeErrorClass.UnknownOutcome, null, null, message, inner)
    {
    }
}

/// <summary>A "nothing to do" reply (-4046, -4059). Methods that expect it turn it into success; elsewhere it surfaces as this.</summary>
public sealed class ExchangeBenignException : ExchangeException
{
    public ExchangeBenignException(int? code, int? httpStatus, string message)
        : base(ExchangeErrorClass.Benign, code, httpStatus, message)
    {
    }
}
