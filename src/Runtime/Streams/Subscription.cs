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
internal sealed class Subscription
{
    private readonly Lock _lock = new();
    private readonly Queue<Envelope> _items = new();
    private bool _inFlight;
    private int _attempts;
    private bool _removed;
    private int _depth;
    private volatile ObserverCache? _observer;
    private volatile TypePriority? _typePriority;

    private Subscription(StreamQueue stream, SubscriptionKind kind, GrainId grain, ClientObserverQueue? client)
    {
        Stream = stream;
        Kind = kind;
        Grain = grain;
        Client = client;
        Id = Guid.NewGuid();
    }

    public Guid Id { get; }

    public StreamQueue Stream { get; }

    public SubscriptionKind Kind { get; }

    /// <summary>Owning grain (implicit and explicit grain subscriptions).</summary>
    public GrainId Grain { get; }

    /// <summary>Serial executor of a client subscription.</summary>
    public ClientObserverQueue? Client { get; }

    public int Depth => Volatile.Read(ref _depth);

    public bool HasRoom => Volatile.Read(ref _depth) < Stream.Provider.Options.SubscriptionQueueCapacity;

    public string Subscriber => Kind == SubscriptionKind.Client ? $"client:{Id:N}" : Grain.ToString();

    public static Subscription ForImplicit(StreamQueue stream, GrainId grain) => new(stream, SubscriptionKind.Implicit, grain, null);

    public static Subscription ForGrain(StreamQueue stream, GrainId grain) => new(stream, SubscriptionKind.ExplicitGrain, grain, null);

    public static Subscription ForClient(StreamQueue stream, IStreamObserverAdapter observer) =>
        new(stream, SubscriptionKind.Client, default, new ClientObserverQueue(stream.Provider.Runtime, observer));

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
        Envelope envelope;
        lock (_lock)
        {
            if (_inFlight || _removed || !_items.TryPeek(out envelope!))
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
        lock (_lock)
        {
            if (!_removed && _items.Count > 0)
            {
                _items.Dequeue();
            }

            _depth = _items.Count;
            _inFlight = false;
            _attempts = 0;
        }

        Stream.OnSpaceAvailable();
        Kick();
    }

    private void Deliver(Envelope envelope)
    {
        lock (_lock)
        {
            if (_removed)
            {
                _inFlight = false;
                return;
            }
        }

        if (Kind == SubscriptionKind.Client)
        {
            Client!.Deliver(this, envelope);
            return;
        }

        var provider = Stream.Provider;
        var message = new StreamDeliveryMessage(this, envelope, PriorityOf(provider, envelope.Item)) { EnqueuedAt = provider.Runtime.Clock.GetTimestamp() };
        provider.Runtime.Send(message);
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

/// <summary>An item with its stream position.</summary>
internal sealed record Envelope(object Item, StreamSequenceToken Token);
