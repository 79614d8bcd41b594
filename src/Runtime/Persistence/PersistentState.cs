using System.Diagnostics;
using TradingBot.Runtime.Metrics;

namespace TradingBot.Runtime.Persistence;

/// <summary>Runtime-side control of a state record (load on activation, flush on deactivation).</summary>
internal interface IPersistentStateControl
{
    Task ReadStateAsync(CancellationToken cancellationToken);

    /// <summary>Completes when no storage operation is queued or running.</summary>
    Task WhenIdleAsync();
}

/// <summary>
/// The bridge between a grain and its storage provider. Storage operations on this record run one at a time in
/// FIFO order; a write requested while another write is queued (not yet started) joins that write.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainState<TState>, IPersistentStateControl
{
    private readonly string _stateName;
    private readonly GrainId _grainId;
    private readonly IGrainStorage _storage;
    private readonly StorageStats _stats;
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;
    private PendingOperation? _queuedWrite;
    private bool _loaded;
    private bool _recordExists;
    private TState _state;

    private readonly TaskCreationOptions _completionOptions;

    public PersistentState(string stateName, GrainId grainId, IGrainStorage storage, StorageStats stats, TaskCreationOptions completionOptions = TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _completionOptions = completionOptions;
        _stateName = stateName;
        _grainId = grainId;
        _storage = storage;
        _stats = stats;
        _state = CreateDefault();
    }

    public TState State
    {
        get => _state;
        set => _state = value ?? CreateDefault();
    }

    public string? Etag => ETag;

    public string? ETag { get; set; }

    public bool RecordExists
    {
        get => _loaded ? _recordExists : throw new InvalidOperationException($"State '{_stateName}' of {_grainId} has not been read yet.");
        set
        {
            _recordExists = value;
            _loaded = true;
        }
    }

    public Task ReadStateAsync() => ReadStateAsync(CancellationToken.None);

    public Task ReadStateAsync(CancellationToken cancellationToken) => Enqueue(OperationKind.Read, cancellationToken);

    public Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

    public Task WriteStateAsync(CancellationToken cancellationToken) => Enqueue(OperationKind.Write, cancellationToken);

    public Task ClearStateAsync() => ClearStateAsync(CancellationToken.None);

    public Task ClearStateAsync(CancellationToken cancellationToken) => Enqueue(OperationKind.Clear, cancellationToken);

    public async Task WhenIdleAsync()
    {
        Task tail;
        lock (_gate)
        {
            tail = _tail;
        }

        await IgnoreFailure(tail);
    }

    internal static TState CreateDefault()
    {
        if (typeof(TState).IsValueType)
        {
            return default!;
        }

        if (typeof(TState) == typeof(string))
        {
            return (TState)(object)string.Empty;
        }

        return Activator.CreateInstance<TState>();
    }

    private Task Enqueue(OperationKind kind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PendingOperation operation;
        Task previous;
        lock (_gate)
        {
            if (kind == OperationKind.Write && _queuedWrite is { } queued)
            {
                _stats.RecordCoalesced();
                return queued.Completion.Task;
            }

            operation = new PendingOperation(kind, _completionOptions);
            if (kind == OperationKind.Write)
            {
                _queuedWrite = operation;
            }

            previous = _tail;
            _tail = operation.Completion.Task;
        }

        return RunAfter(previous, operation);
    }

    private async Task RunAfter(Task previous, PendingOperation operation)
    {
        if (!previous.IsCompleted)
        {
            await IgnoreFailure(previous);
        }

        lock (_gate)
        {
            if (_queuedWrite == operation)
            {
                _queuedWrite = null;
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            switch (operation.Kind)
            {
                case OperationKind.Read:
                    await _storage.ReadStateAsync(_stateName, _grainId, this);
                    break;
                case OperationKind.Write:
                    await _storage.WriteStateAsync(_stateName, _grainId, this);
                    break;
                default:
                    await _storage.ClearStateAsync(_stateName, _grainId, this);
                    break;
            }

            _stats.Record(operation.Kind, Stopwatch.GetElapsedTime(started), null);
            operation.Completion.TrySetResult();
        }
        catch (Exception ex)
        {
            _stats.Record(operation.Kind, Stopwatch.GetElapsedTime(started), ex);
            operation.Completion.TrySetException(ex);
        }

        await operation.Completion.Task;
    }

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // The previous operation's outcome belongs to its own caller.
        }
    }

    private sealed class PendingOperation(OperationKind kind, TaskCreationOptions options)
    {
        public OperationKind Kind { get; } = kind;

        public TaskCompletionSource Completion { get; } = new(options);
    }
}

/// <summary>Kinds of storage operation (also the metric label).</summary>
internal enum OperationKind
{
    Read,
    Write,
    Clear,
}
