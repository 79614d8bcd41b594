namespace TradingBot.Backtest;

/// <summary>Bad input to a backtest (files, symbols, dates, options): the message is shown to the user as is.</summary>
public sealed class BacktestInputException : Exception
{
    public BacktestInputException()
    {
    }

    public BacktestInputException(string message)
        : base(message)
    {
    }

    public BacktestInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
