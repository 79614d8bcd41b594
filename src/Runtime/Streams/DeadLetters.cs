namespace TradingBot.Runtime.Streams;

/// <summary>A stream item that exhausted its delivery attempts.</summary>
public sealed record DeadLetter(
    string Provider,
    string StreamNamespace,
    string StreamKey,
    long SequenceNumber,
    Guid SubscriptionId,
    string Subscriber,
    string PayloadType,
    string PayloadJson,
    string Error,
    int Attempts,
    DateTimeOffset FailedAt);

/// <summary>Persists dead letters.</summary>
public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter letter);

    /// <summary>Most recent first.</summary>
    Task<IReadOnlyList<DeadLetter>> ReadRecentAsync(int max);
}

/// <summary>Raised for every dead letter after it was stored (forward it to alerts). Register any number in DI.</summary>
public interface IDeadLetterSink
{
    Task OnDeadLetterAsync(DeadLetter letter);
}

/// <summary>Process-lifetime dead-letter store (the default when no SQLite file is configured).</summary>
public sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly List<DeadLetter> _letters = [];
    private readonly Lock _lock = new();

    public Task AddAsync(DeadLetter letter)
    {
        lock (_lock)
        {
            _letters.Add(letter);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ReadRecentAsync(int max)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>(_letters.AsEnumerable().Reverse().Take(max).ToArray());
        }
    }
}
