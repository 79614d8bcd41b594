using Microsoft.Extensions.Logging;
using TradingBot.Dashboard.Ports.Cluster;

namespace TradingBot.Dashboard.Cluster;

/// <summary>
/// An <see cref="ILoggerProvider"/> that keeps the newest log lines in a bounded ring buffer for the
/// cluster page's live tail (like the Orleans dashboard's logger). Register it with
/// <c>builder.Logging.AddProvider(buffer)</c> and serve <see cref="Read"/> from
/// <see cref="IClusterMetricsSource.GetLogTailAsync"/>. Set <see cref="Enabled"/> false to stop
/// collecting (the Orleans dashboard's HideTrace).
/// </summary>
public sealed class DashboardLogBuffer : ILoggerProvider
{
    private readonly LogLineView?[] _ring;
    private readonly Lock _gate = new();
    private readonly LogLevel _minimum;
    private readonly TimeProvider _clock;
    private long _sequence;

    /// <param name="capacity">Lines kept (oldest are dropped).</param>
    /// <param name="minimum">Lowest level kept.</param>
    /// <param name="clock">Wall clock for the timestamps; system clock when null.</param>
    public DashboardLogBuffer(int capacity = 2000, LogLevel minimum = LogLevel.Information, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new LogLineView?[capacity];
        _minimum = minimum;
        _clock = clock ?? TimeProvider.System;
    }

    public bool Enabled { get; set; } = true;

    /// <summary>Lines with a sequence above <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public LogTailView Read(long afterSequence, int limit)
    {
        lock (_gate)
        {
            var first = Math.Max(afterSequence + 1, _sequence - _ring.Length + 1);
            var lines = new List<LogLineView>();
            for (var s = first; s <= _sequence && lines.Count < limit; s++)
            {
                if (_ring[s % _ring.Length] is { } line)
                {
                    lines.Add(line);
                }
            }

            return new LogTailView(lines.Count > 0 ? lines[^1].Sequence : afterSequence, lines);
        }
    }

    public ILogger CreateLogger(string categoryName) => new BufferLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string message)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            _ring[sequence % _ring.Length] = new LogLineView(sequence, _clock.GetUtcNow(), level.ToString(), category, message);
        }
    }

    private sealed class BufferLogger(DashboardLogBuffer buffer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => buffer.Enabled && logLevel >= buffer._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message += $" [{exception.GetType().Name}: {exception.Message}]";
            }

            buffer.Add(logLevel, category, message);
        }
    }
}
