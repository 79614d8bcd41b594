namespace TradingBot.Ict.Export;

/// <summary>Bad candle input; the message names the file, the 1-based line and the column.</summary>
public sealed class CandleCsvException : Exception
{
    public CandleCsvException(string file, long line, string? column, string problem)
        : base(column is null ? $"{file}: line {line}: {problem}" : $"{file}: line {line}, column '{column}': {problem}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    public CandleCsvException()
    {
        File = string.Empty;
    }

    public CandleCsvException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public CandleCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    public string File { get; }

    public long Line { get; }

    public string? Column { get; }
}
