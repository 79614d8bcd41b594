namespace TradingBot.Operations.Secrets;

/// <summary>Stand-in for an exception whose text contained a secret: same type name, scrubbed message and trace.</summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException(string originalType, string message, string text)
        : base(message)
    {
        OriginalType = originalType;
        _text = text;
    }

    public RedactedException()
        : this("Exception", string.Empty, string.Empty)
    {
    }

    public RedactedException(string message)
        : this("Exception", message, message)
    {
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalType = "Exception";
        _text = message;
    }

    /// <summary>Full name of the exception type that was scrubbed.</summary>
    public string OriginalType { get; } = "Exception";

    /// <summary>The original <c>ToString()</c> with secrets masked (type, message, inner exceptions, stack trace).</summary>
    public override string ToString() => _text;
}
