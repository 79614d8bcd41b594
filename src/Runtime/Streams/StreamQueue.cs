namespace TradingBot.Runtime.Streams;

/// <summary>
/// One stream: assigns sequence numbers and fans items out to subscriptions. A producer's item is accepted only
/// when every subscription has room; otherwise the producer waits in FIFO order behind earlier waiting producers.
/// </summary>
internal sealed class StreamQueue(MemoryStreamProvider provider, StreamId id, Metrics.StreamStats stats)
{
    private readonly Lock _lock = new();
    private readonly Queue<PendingPublish> _waiting = new();
    private Subscription[] _subscriptions = [];
    private long _sequence;

    public MemoryStreamProvider Provider { get; } = provider;

    public StreamId Id { get; } = id;

    public Metrics.StreamStats Stats { get; } = stats;

    public Subscription[] Subscriptions => Volatile.Read(ref _subscriptions);

    public int SubscriptionCount => Subscriptions.Length;

    public int Lag => Subscriptions.Sum(s => s.Depth);

    public void Add(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
    }

    public void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }

        OnSpaceAvailable();
    }

    public Task Publish(object item)
    {
        Subscription[] kick;
        Task result;
        lock (_lock)
        {
            if (_waiting.Count == 0 && AllHaveRoomLocked())
            {
                kick = EnqueueLocked(item);
                result = Task.CompletedTask;
            }
            else
            {
                var pending = new PendingPublish(item, Provider.Runtime.CompletionOptions);
                _waiting.Enqueue(pending);
                return pending.Completion.Task;
            }
        }

        foreach (var subscription in kick)
        {
            subscription.Kick();
        }

        return result;
    }

    /// <summary>A subscription dequeued an item: admit waiting producers that now fit.</summary>
    public void OnSpaceAvailable()
    {
        List<PendingPublish>? admitted = null;
        Subscription[] kick = [];
        lock (_lock)
        {
            while (_waiting.Count > 0 && AllHaveRoomLocked())
            {
                var pending = _waiting.Dequeue();
                kick = EnqueueLocked(pending.Item);
                (admitted ??= []).Add(pending);
            }
        }

        if (admitted is null)
        {
            return;
        }

        foreach (var subscription in kick)
        {
            subscription.Kick();
        }

        foreach (var pending in admitted)
        {
            pending.Completion.TrySetResult();
        }
    }

    private bool AllHaveRoomLocked()
    {
        foreach (var subscription in _subscriptions)
        {
            if (!subscription.HasRoom)
            {
                return false;
            }
        }

        return true;
    }

    private Subscription[] EnqueueLocked(object item)
    {
        var subscriptions = _subscriptions;
        if (subscriptions.Length == 0)
        {
            // Nobody listens: the item still takes its sequence number, but needs no token.
            ++_sequence;
            Stats.RecordPublished();
            return subscriptions;
        }

        var token = new EventSequenceToken(++_sequence);
        foreach (var subscription in subscriptions)
        {
            subscription.Enqueue(item, token);
        }

        Stats.RecordPublished();
        return subscriptions;
    }

    private sealed class PendingPublish(object item, TaskCreationOptions options)
    {
        public object Item { get; } = item;

        public TaskCompletionSource Completion { get; } = new(options);
    }
}
