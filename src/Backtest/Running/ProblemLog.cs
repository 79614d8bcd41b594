using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TradingBot.Backtest.Running;

/// <summary>Keeps the grains' warnings and errors of a run (the first few verbatim, the rest counted) for the report.</summary>
internal sealed class ProblemLog : ILoggerProvider
{
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> _messages = new();
    private int _count;

    public int Count => _count;

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string message)
    {
        if (Interlocked.Increment(ref _count) <= Kept)
        {
            _messages.Enqueue(message);
        }
    }

    private sealed class Logger(ProblemLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var shortCategory = category[(category.LastIndexOf('.') + 1)..];
                owner.Add($"{logLevel} {shortCategory}: {formatter(state, exception)}{(exception is null ? "" : " — " + exception.Message)}");
            }
        }
    }
}
