using System.Text.Json;
using TradingBot.Runtime.Core;

namespace TradingBot.Runtime.Streams;

internal enum SubscriptionKind
{
    Implicit,
    ExplicitGrain,
    Client,
}

/// <summary>
/// One subscription of one stream: a bounded FIFO with at most one item in flight. The head item stays in the
/// queue until its delivery succeeded or was dead-lettered, so the next item starts only after that.
/// </summary>
/// <remarks>
/// The hot path of an item takes this subscription's lock twice (enqueue-and-claim, advance-and-claim-next) and
/// allocates nothing beyond the item's token: the delivery message is reused while nothing can reach it, and the
/// target activation is remembered like a grain reference remembers it.
/// </remarks>
internal sealed class Subscription : IActivationCache
{
    private readonly Lock _lock = new();
    private readonly Queue<Envelope> _items = new();
    private readonly int _capacity;
    private bool _inFlight;
    private int _attempts;
    private volatile bool _removed;
    private int _depth;
    private volatile ObserverCache? _observer;
    private volatile TypePriority? _typePriority;
    private StreamDeliveryMessage? _delivery;

    private Subscription(StreamQueue stream, SubscriptionKind kind, GrainId grain, ClientObserverQueue? client)
    {
        Stream = stream;
        Kind = kind;
        Grain = grain;
        Client = client;
        Id = Guid.NewGuid();
        _capacity = stream.Provider.Options.SubscriptionQueueCapacity;
    }

    public Guid Id { get; }

    public StreamQueue Stream { get; }

    public SubscriptionKind Kind { get; }

    /// <summary>Owning grain (implicit and explicit grain subscriptions).</summary>
    public GrainId Grain { get; }

    /// <summary>Serial executor of a client subscription.</summary>
    public ClientObserverQueue? Client { get; }

    public int Depth => Volatile.Read(ref _depth);

    public bool HasRoom => Volatile.Read(ref _depth) < _capacity;

    public string Subscriber => Kind == SubscriptionKind.Client ? $"client:{Id:N}" : Grain.ToString();

    /// <summary>The activation deliveries went to last (checked for validity before use, like a grain reference's).</summary>
    public Activation? CachedActivation { get; set; }

    public static Subscription ForImplicit(StreamQueue stream, GrainId grain) => new(stream, SubscriptionKind.Implicit, grain, null);

    public static Subscription ForGrain(StreamQueue stream, GrainId grain) => new(stream, SubscriptionKind.ExplicitGrain, grain, null);

    public static Subscription ForClient(StreamQueue stream, IStreamObserverAdapter observer) =>
        new(stream, SubscriptionKind.Client, default, new ClientObserverQueue(stream.Provider.Runtime, observer));

    /// <summary>
    /// Adds an item and, when the subscription is idle and this item is its head, marks it in flight: the caller
    /// then delivers it with <see cref="DeliverClaimed"/> (no <see cref="Kick"/> needed). False when a delivery is
    /// in flight (its advance picks the item up) or another producer's kick is about to start the head.
    /// </summary>
    public bool EnqueueAndClaim(object item, StreamSequenceToken token)
    {
        lock (_lock)
        {
            if (_removed)
            {
                return false;
            }

            _items.Enqueue(new Envelope(item, token));
            _depth = _items.Count;
            if (_inFlight || _items.Count != 1)
            {
                return false;
            }

            _inFlight = true;
            return true;
        }
    }

    /// <summary>Delivers the item <see cref="EnqueueAndClaim"/> claimed.</summary>
    public void DeliverClaimed(Envelope envelope) => Deliver(envelope);

    public void Enqueue(object item, StreamSequenceToken token)
    {
        lock (_lock)
        {
            if (_removed)
            {
                return;
            }

            _items.Enqueue(new Envelope(item, token));
            _depth = _items.Count;
        }
    }

    /// <summary>Starts delivering the head item unless one is already in flight.</summary>
    public void Kick()
    {
        // In flight: its Advance claims the next item (ours included, it was enqueued before this read).
        if (Volatile.Read(ref _inFlight))
        {
            return;
        }

        Envelope envelope;
        lock (_lock)
        {
            if (_inFlight || _removed || !_items.TryPeek(out envelope))
            {
                return;
            }

            _inFlight = true;
        }

        Deliver(envelope);
    }

    /// <summary>
    /// The observer <paramref name="activation"/> has for this subscription, as <see cref="Activation.TryGetStreamObserver"/>
    /// finds it, remembered while the activation's observers do not change (a delivery then skips its lock and lookup).
    /// </summary>
    public bool TryGetObserver(Activation activation, out IStreamObserverAdapter observer)
    {
        var version = activation.StreamObserversVersion;
        if (_observer is { } cached && ReferenceEquals(cached.Activation, activation) && cached.Version == version)
        {
            observer = cached.Observer;
            return true;
        }

        if (!activation.TryGetStreamObserver(Id, out observer))
        {
            return false;
        }

        _observer = new ObserverCache(activation, version, observer);
        return true;
    }

    public void MarkRemoved()
    {
        lock (_lock)
        {
            _removed = true;
            _items.Clear();
            _depth = 0;
        }
    }

    /// <summary>Outcome of one delivery attempt (runs on the consumer's turn or work queue).</summary>
    public void OnDeliveryCompleted(Envelope envelope, Exception? error)
    {
        var provider = Stream.Provider;
        if (error is null)
        {
            Stream.Stats.RecordDelivered();
            Advance();
            return;
        }

        int attempt;
        lock (_lock)
        {
            attempt = ++_attempts;
        }

        provider.Runtime.Log.DeliveryFailed(error, Stream.Id.ToString(), Subscriber, attempt);
        if (attempt < provider.Options.MaxDeliveryAttempts)
        {
            Stream.Stats.RecordRetry();
            var delay = provider.Options.RetryDelay;
            if (delay <= TimeSpan.Zero)
            {
                Deliver(envelope);
            }
            else
            {
                RetryLater(envelope, delay);
            }

            return;
        }

        DeadLetter(envelope, error, attempt);
        Advance();
    }

    // Its own method: the timer callback's closure captures the envelope, and a lambda in OnDeliveryCompleted would
    // allocate that closure on every (successful) delivery.
    private void RetryLater(Envelope envelope, TimeSpan delay)
    {
        ITimer? timer = null;
        timer = Stream.Provider.Runtime.Clock.CreateTimer(
            _ =>
            {
                timer?.Dispose();
                Deliver(envelope);
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
    }

    private void Advance()
    {
        var next = default(Envelope);
        bool deliver;
        lock (_lock)
        {
            if (!_removed && _items.Count > 0)
            {
                _items.Dequeue();
            }

            // A full fence between this write and the stream's read of its waiting producers (see StreamQueue.Publish).
            Interlocked.Exchange(ref _depth, _items.Count);
            _attempts = 0;
            deliver = !_removed && _items.TryPeek(out next);
            _inFlight = deliver;
        }

        Stream.OnSpaceAvailable();
        if (deliver)
        {
            Deliver(next);
        }
    }

    private void Deliver(Envelope envelope)
    {
        if (_removed)
        {
            lock (_lock)
            {
                _inFlight = false;
            }

            return;
        }

        if (Kind == SubscriptionKind.Client)
        {
            Client!.Deliver(this, envelope);
            return;
        }

        var provider = Stream.Provider;
        var priority = PriorityOf(provider, envelope.Item);
        var message = _delivery;
        if (message is not null && message.IsReusable)
        {
            message.Reuse(envelope, priority);
        }
        else
        {
            _delivery = message = new StreamDeliveryMessage(this, envelope, priority);
        }

        message.EnqueuedAt = provider.Runtime.Clock.GetTimestamp();
        provider.Runtime.Send(message, this);
    }

    /// <summary>The provider's priority of <paramref name="item"/>, remembered for the item type when it depends on the type alone.</summary>
    private MessagePriority PriorityOf(MemoryStreamProvider provider, object item)
    {
        if (provider.Options.PriorityResolver is not null || item is IHasPriority)
        {
            return provider.PriorityOf(item);
        }

        var type = item.GetType();
        if (_typePriority is { } cached && cached.Type == type)
        {
            return cached.Priority;
        }

        var priority = provider.PriorityOf(item);
        _typePriority = new TypePriority(type, priority);
        return priority;
    }

    private void DeadLetter(Envelope envelope, Exception error, int attempts)
    {
        var provider = Stream.Provider;
        var runtime = provider.Runtime;
        string payload;
        try
        {
            payload = JsonSerializer.Serialize(envelope.Item, envelope.Item.GetType());
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            payload = JsonSerializer.Serialize(envelope.Item.ToString());
        }

        var letter = new DeadLetter(provider.Name, Stream.Id.Namespace, Stream.Id.Key, envelope.Token.SequenceNumber, Id, Subscriber,
            envelope.Item.GetType().FullName ?? envelope.Item.GetType().Name, payload, error.ToString(), attempts, runtime.Clock.GetUtcNow());
        Stream.Stats.RecordDeadLetter();
        runtime.Log.DeadLettered(Stream.Id.ToString(), Subscriber, attempts);
        Observe(runtime, runtime.DeadLetters.AddAsync(letter));
        foreach (var sink in runtime.DeadLetterSinks)
        {
            try
            {
                Observe(runtime, sink.OnDeadLetterAsync(letter));
            }
            catch (Exception ex)
            {
                runtime.Log.DeadLetterSinkFailed(ex);
            }
        }

        if (Kind == SubscriptionKind.Client)
        {
            Client!.NotifyError(error);
        }
        else
        {
            runtime.Send(new StreamErrorMessage(this, error));
        }
    }

    private static void Observe(GrainRuntime runtime, Task task)
    {
        if (task.IsCompleted)
        {
            if (task.IsFaulted)
            {
                runtime.Log.DeadLetterSinkFailed(task.Exception!.InnerException!);
            }

            return;
        }

        task.ContinueWith(
            static (t, s) => ((GrainRuntime)s!).Log.DeadLetterSinkFailed(t.Exception!.InnerException!),
            runtime,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}

/// <summary>A subscription's observer on one activation, valid while the activation's observers are at <see cref="Version"/>.</summary>
internal sealed record ObserverCache(Activation Activation, int Version, IStreamObserverAdapter Observer);

/// <summary>The delivery priority of items of one type.</summary>
internal sealed record TypePriority(Type Type, MessagePriority Priority);

/// <summary>An item with its stream position (a struct: one per item and subscription).</summary>
internal readonly record struct Envelope(object Item, StreamSequenceToken Token);
