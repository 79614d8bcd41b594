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
    private int _waitingCount;
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
        Subscription[] subscriptions;
        StreamSequenceToken? token;
        ulong claimed = 0;
        Task waiting;
        lock (_lock)
        {
            if (_waiting.Count == 0 && AllHaveRoomLocked())
            {
                // Each idle subscription is claimed for this item in the same lock that enqueues it, so delivery
                // starts without a Kick (one lock less per item and subscription; the first 64 only, by bit mask).
                subscriptions = _subscriptions;
                token = NextTokenLocked(subscriptions.Length);
                for (var i = 0; i < subscriptions.Length; i++)
                {
                    if (i >= 64)
                    {
                        subscriptions[i].Enqueue(item, token!);
                    }
                    else if (subscriptions[i].EnqueueAndClaim(item, token!))
                    {
                        claimed |= 1UL << i;
                    }
                }

                waiting = Task.CompletedTask;
            }
            else
            {
                var pending = new PendingPublish(item, Provider.Runtime.CompletionOptions);
                _waiting.Enqueue(pending);
                Interlocked.Exchange(ref _waitingCount, _waiting.Count);
                waiting = pending.Completion.Task;
                subscriptions = [];
                token = null;
            }
        }

        if (waiting != Task.CompletedTask)
        {
            // A consumer that made room after our check saw no waiting producer (it reads the count without the
            // lock): look again. Both sides write with a full fence (Interlocked) before they read the other side's
            // field (our count, then depths; its depth, then the count), so one of the two sees the other's write.
            OnSpaceAvailable();
            return waiting;
        }

        for (var i = 0; i < subscriptions.Length; i++)
        {
            if (i >= 64)
            {
                subscriptions[i].Kick();
            }
            else if ((claimed & (1UL << i)) != 0)
            {
                subscriptions[i].DeliverClaimed(new Envelope(item, token!));
            }
        }

        return waiting;
    }

    /// <summary>A subscription dequeued an item: admit waiting producers that now fit.</summary>
    public void OnSpaceAvailable()
    {
        if (Volatile.Read(ref _waitingCount) == 0)
        {
            return;
        }

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

            Volatile.Write(ref _waitingCount, _waiting.Count);
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
        var token = NextTokenLocked(subscriptions.Length);
        foreach (var subscription in subscriptions)
        {
            subscription.Enqueue(item, token!);
        }

        return subscriptions;
    }

    private EventSequenceToken? NextTokenLocked(int subscriptions)
    {
        Stats.RecordPublished();
        ++_sequence;

        // Nobody listens: the item still takes its sequence number, but needs no token.
        return subscriptions == 0 ? null : new EventSequenceToken(_sequence);
    }

    private sealed class PendingPublish(object item, TaskCreationOptions options)
    {
        public object Item { get; } = item;

        public TaskCompletionSource Completion { get; } = new(options);
    }
}
