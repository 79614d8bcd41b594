using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Runtime.Hosting;
using TradingBot.Runtime.Metrics;
using TradingBot.Runtime.Streams;
using TradingBot.Runtime.Time;

namespace TradingBot.Runtime.Core;

/// <summary>
/// The in-process silo: activation directory, dispatch, timeouts, idle collection, streams and storage lookup.
/// Host code talks to it through <see cref="Client"/>; tests and the dashboard also use the inspection members.
/// </summary>
public sealed class GrainRuntime : IAsyncDisposable
{
    internal const string DefaultStorageName = "Default";

    private static readonly Func<GrainId, GrainRuntime, Activation> s_createActivation = static (id, runtime) => runtime.NewActivation(id);

    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly Dictionary<string, GrainClassInfo> _classesByType = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<GrainClassInfo>> _classesByInterface = [];
    private readonly ConcurrentDictionary<(Type Interface, string? Prefix), GrainInterfaceBinding> _bindings = new();
    private readonly ConcurrentDictionary<(GrainInterfaceBinding Binding, GrainId Id), object> _proxies = new();
    private readonly ConcurrentDictionary<string, IGrainStorage> _storages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemoryStreamProvider> _streamProviders = new(StringComparer.Ordinal);
    private readonly GrainRuntimeConfiguration _configuration;
    private readonly DeterministicScheduler? _deterministic;
    private readonly double _timestampTicksPerTimeSpanTick;
    private ITimer? _timeoutScan;
    private ITimer? _collector;
    private volatile bool _stopping;
    private int _started;

    internal GrainRuntime(
        IServiceProvider services,
        GrainRuntimeConfiguration configuration,
        IOptions<GrainRuntimeOptions> options,
        TimeProvider clock,
        ILoggerFactory loggerFactory)
    {
        Services = services;
        _configuration = configuration;
        Options = options.Value;
        Clock = clock;
        Log = new RuntimeLog(loggerFactory.CreateLogger("TradingBot.Runtime"));
        Metrics = new RuntimeMetrics(this);
        _timestampTicksPerTimeSpanTick = (double)clock.TimestampFrequency / TimeSpan.TicksPerSecond;
        if (Options.DeterministicMode)
        {
            _deterministic = new DeterministicScheduler();
            WorkScheduler = _deterministic;
        }
        else
        {
            WorkScheduler = new ThreadPoolWorkScheduler();
        }

        foreach (var type in configuration.GrainClasses.Distinct())
        {
            RegisterClass(type);
        }

        IncomingFilters = configuration.IncomingFilterTypes.Select(t => (IIncomingGrainCallFilter)ActivatorUtilities.GetServiceOrCreateInstance(services, t)).ToArray();
        OutgoingFilters = configuration.OutgoingFilterTypes.Select(t => (IOutgoingGrainCallFilter)ActivatorUtilities.GetServiceOrCreateInstance(services, t)).ToArray();
        HasIncomingFilters = IncomingFilters.Count > 0;
        DeadLetters = configuration.DeadLetterStoreFactory?.Invoke(services) ?? new InMemoryDeadLetterStore();
        DeadLetterSinks = services.GetServices<IDeadLetterSink>().ToArray();
        foreach (var (name, streamOptions) in configuration.StreamProviders)
        {
            _streamProviders[name] = new MemoryStreamProvider(name, this, streamOptions);
        }

        Client = new ClusterClient(this);
    }

    /// <summary>Grain references and stream providers for host code.</summary>
    public IClusterClient Client { get; }

    /// <summary>Counters and rolling windows for the cluster dashboard.</summary>
    public RuntimeMetrics Metrics { get; }

    /// <summary>The runtime clock (simulated in deterministic mode).</summary>
    public TimeProvider Clock { get; }

    /// <summary>Where dead letters are persisted.</summary>
    public IDeadLetterStore DeadLetters { get; }

    public bool IsDeterministic => _deterministic is not null;

    /// <summary>
    /// Options for completion sources grain code may await. Concurrent mode runs continuations asynchronously so a
    /// caller never runs inside the callee's turn; deterministic mode must not, or TPL would hop to the thread pool
    /// (e.g. Task.WhenAll) and escape the single-threaded pump. Grain awaits post to their own context either way.
    /// </summary>
    internal TaskCreationOptions CompletionOptions => _deterministic is null ? TaskCreationOptions.RunContinuationsAsynchronously : TaskCreationOptions.None;

    internal IServiceProvider Services { get; }

    internal GrainRuntimeOptions Options { get; }

    internal IWorkScheduler WorkScheduler { get; }

    internal RuntimeLog Log { get; }

    internal IReadOnlyList<IIncomingGrainCallFilter> IncomingFilters { get; }

    internal IReadOnlyList<IOutgoingGrainCallFilter> OutgoingFilters { get; }

    internal bool HasIncomingFilters { get; }

    internal IReadOnlyList<IDeadLetterSink> DeadLetterSinks { get; }

    internal IEnumerable<GrainClassInfo> Classes => _classesByType.Values;

    internal IEnumerable<MemoryStreamProvider> StreamProviders => _streamProviders.Values;

    internal ICollection<Activation> ActivationList => _activations.Values;

    /// <summary>Starts the timeout scan and idle collection.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return Task.CompletedTask;
        }

        _timeoutScan = Clock.CreateTimer(static s => ((GrainRuntime)s!).ScanTimeouts(), this, Options.ResponseTimeoutScanPeriod, Options.ResponseTimeoutScanPeriod);
        _collector = Clock.CreateTimer(static s => ((GrainRuntime)s!).CollectIdle(), this, Options.CollectionQuantum, Options.CollectionQuantum);
        return Task.CompletedTask;
    }

    /// <summary>Deactivates every activation (running <c>OnDeactivateAsync</c> and flushing state) within the shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopping = true;
        _timeoutScan?.Dispose();
        _collector?.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "Runtime shutdown");
        if (_deterministic is { } deterministic)
        {
            // Nothing moves unless this thread pumps, and simulated time does not pass while we wait on the wall
            // clock: whatever quiescence cannot finish never finishes, so report it instead of waiting for it.
            Task[] stopping;
            using (deterministic.EnterPump())
            {
                stopping = _activations.Values.Select(a => a.DeactivateAsync(reason)).ToArray();
                deterministic.RunUntilIdle();
            }

            var unfinished = stopping.Count(t => !t.IsCompleted);
            if (unfinished > 0)
            {
                Log.ShutdownTimedOut(unfinished);
            }
        }
        else
        {
            var pending = _activations.Values.Select(a => a.DeactivateAsync(reason)).ToArray();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Options.ShutdownTimeout);
                await Task.WhenAll(pending).WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Log.ShutdownTimedOut(pending.Count(t => !t.IsCompleted));
            }
        }

        foreach (var storage in _storages.Values.OfType<IDisposable>())
        {
            storage.Dispose();
        }

        (DeadLetters as IDisposable)?.Dispose();
        Metrics.Instruments.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping)
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deterministic mode: runs every ready activation, stream delivery and timer tick due at the current simulated
    /// time until nothing is left. Returns the number of work-queue drains executed.
    /// </summary>
    public Task<long> RunUntilQuiescentAsync()
    {
        var scheduler = _deterministic ?? throw new InvalidOperationException("RunUntilQuiescentAsync requires DeterministicMode.");
        return Task.FromResult(scheduler.RunUntilIdle());
    }

    /// <summary>
    /// Deterministic mode with a <see cref="ManualTimeProvider"/>: advances simulated time by <paramref name="delta"/>,
    /// firing each due timer at its own due time and running to quiescence after each.
    /// </summary>
    public Task AdvanceTimeAsync(TimeSpan delta)
    {
        var scheduler = _deterministic ?? throw new InvalidOperationException("AdvanceTimeAsync requires DeterministicMode.");
        var clock = Clock as ManualTimeProvider ?? throw new InvalidOperationException("AdvanceTimeAsync requires a ManualTimeProvider clock.");
        var target = clock.GetUtcNow() + delta;
        using (scheduler.EnterPump())
        {
            scheduler.RunUntilIdle();
            while (clock.FireNext(target))
            {
                scheduler.RunUntilIdle();
            }

            clock.SetUtcNow(target);
            scheduler.RunUntilIdle();
        }

        return Task.CompletedTask;
    }

    /// <summary>The live activation of <paramref name="grainId"/>, if any.</summary>
    public bool TryGetGrainContext(GrainId grainId, out IGrainContext context)
    {
        var found = _activations.TryGetValue(grainId, out var activation);
        context = activation!;
        return found;
    }

    /// <summary>All live activations.</summary>
    public IReadOnlyList<IGrainContext> GetActivations() => [.. _activations.Values];

    /// <summary>Deactivates one grain and waits until it is gone.</summary>
    public async Task DeactivateAsync(GrainId grainId)
    {
        if (!_activations.TryGetValue(grainId, out var activation))
        {
            return;
        }

        var reason = new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "Deactivated by host");
        Task done;
        if (_deterministic is { } deterministic)
        {
            using (deterministic.EnterPump())
            {
                done = activation.DeactivateAsync(reason);
                deterministic.RunUntilIdle();
                deterministic.TrackExternal(done);
            }
        }
        else
        {
            done = activation.DeactivateAsync(reason);
        }

        await done.ConfigureAwait(false);
    }

    internal IStreamProvider GetStreamProvider(string name) =>
        _streamProviders.TryGetValue(name, out var provider)
            ? provider
            : throw new GrainRuntimeConfigurationException($"No stream provider named '{name}' is registered (use AddMemoryStreams).");

    internal IGrainStorage GetGrainStorage(string? name)
    {
        name ??= DefaultStorageName;
        return _storages.GetOrAdd(name, static (n, runtime) =>
            runtime._configuration.Storages.TryGetValue(n, out var factory)
                ? factory(runtime.Services)
                : throw new GrainRuntimeConfigurationException($"No grain storage named '{n}' is registered (use AddSqliteGrainStorage or AddMemoryGrainStorage)."),
            this);
    }

    internal long ToTimestampTicks(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span == TimeSpan.MaxValue ? long.MaxValue / 2 : (long)(span.Ticks * _timestampTicksPerTimeSpanTick);

    internal GrainClassInfo GetClass(string grainType) =>
        _classesByType.TryGetValue(grainType, out var info)
            ? info
            : throw new GrainRuntimeConfigurationException($"Grain type '{grainType}' is not registered.");

    internal TGrain GetGrain<TGrain>(string key, string? prefix)
    {
        var binding = GetBinding(typeof(TGrain), prefix);
        return (TGrain)GetProxy(binding, new GrainId(binding.Class.GrainType, key));
    }

    internal TGrain GetGrain<TGrain>(GrainId grainId)
    {
        var grainClass = GetClass(grainId.Type);
        var binding = _bindings.GetOrAdd((typeof(TGrain), "\0" + grainId.Type), static (k, arg) =>
            new GrainInterfaceBinding(k.Interface, arg.Class, arg.Runtime.Options.ResponseTimeout), (Class: grainClass, Runtime: this));
        if (!typeof(TGrain).IsAssignableFrom(grainClass.ClassType))
        {
            throw new GrainRuntimeConfigurationException($"Grain type '{grainId.Type}' does not implement {typeof(TGrain).Name}.");
        }

        return (TGrain)GetProxy(binding, grainId);
    }

    internal Task<T> SendRequest<T>(GrainProxy proxy, MethodBinding<T> method, object?[] args) =>
        OutgoingFilters.Count == 0 ? SendCore(proxy, method, args) : Filters.OutgoingCallContext<T>.InvokeAsync(proxy, method, args);

    internal Task<T> SendCore<T>(GrainProxy proxy, MethodBinding<T> method, object?[] args)
    {
        if (_deterministic is { } deterministic)
        {
            return SendDeterministic(deterministic, proxy, method, args);
        }

        var now = Clock.GetTimestamp();
        var request = new GrainCallRequest<T>(method, args, proxy.GrainId, CallChain.Current(), method.ResolvePriority(args), CompletionOptions)
        {
            EnqueuedAt = now,
            Deadline = now + method.TimeoutTicks(this),
        };
        request.CreateCompletion();
        Dispatch(proxy, request.Target, request, inline: false);
        return request.Task;
    }

    /// <summary>Deterministic mode: runs host-side work (e.g. a publish) holding the pump, then runs to quiescence.</summary>
    internal Task RunExternal(Func<Task> action) => RunExternal(static (a, _) => a(), action, (object?)null);

    /// <inheritdoc cref="RunExternal(Func{Task})"/>
    internal Task RunExternal<TTarget, TArg>(Func<TTarget, TArg, Task> action, TTarget target, TArg argument)
    {
        var scheduler = _deterministic!;
        using (scheduler.EnterPump())
        {
            var task = action(target, argument);
            scheduler.RunUntilIdle();
            scheduler.TrackExternal(task);
            return task;
        }
    }

    /// <summary>Re-sends a message that reached an activation which is now gone.</summary>
    internal void Redispatch(Message message) => Dispatch(null, message.Target, message, inline: false);

    /// <summary>
    /// Sends an internal message (stream delivery) to a grain, activating it if needed. On the deterministic pump an
    /// idle target runs it inline, like a call.
    /// </summary>
    internal void Send(Message message, IActivationCache? cache = null) =>
        Dispatch(cache, message.Target, message, inline: _deterministic is { IsPumpThread: true } deterministic && deterministic.InlineDepth < Options.MaxInlineDepth);

    internal void RemoveActivation(Activation activation)
    {
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
    }

    private Task<T> SendDeterministic<T>(DeterministicScheduler scheduler, GrainProxy proxy, MethodBinding<T> method, object?[] args)
    {
        if (scheduler.IsPumpThread)
        {
            var request = NewDeterministicRequest(proxy, method, args);
            Dispatch(proxy, request.Target, request, inline: scheduler.InlineDepth < Options.MaxInlineDepth);
            var task = request.Task;
            method.Return(request);
            return task;
        }

        // A driver outside the runtime: take the pump and run the system to quiescence before returning.
        using (scheduler.EnterPump())
        {
            var request = NewDeterministicRequest(proxy, method, args);
            Dispatch(proxy, request.Target, request, inline: true);
            scheduler.RunUntilIdle();
            var task = request.Task;
            method.Return(request);
            scheduler.TrackExternal(task);
            return task;
        }
    }

    // Holding the pump: the method's recycled request is ours to take.
    private GrainCallRequest<T> NewDeterministicRequest<T>(GrainProxy proxy, MethodBinding<T> method, object?[] args)
    {
        var request = method.Rent(args, proxy.GrainId, CallChain.Current(), method.ResolvePriority(args));
        var now = Clock.GetTimestamp();
        request.EnqueuedAt = now;
        request.Deadline = now + method.TimeoutTicks(this);
        return request;
    }

    private void Dispatch(IActivationCache? proxy, GrainId target, Message message, bool inline)
    {
        while (true)
        {
            Activation activation;
            try
            {
                activation = proxy?.CachedActivation is { IsValid: true } cached ? cached : GetOrCreateActivation(target);
            }
            catch (Exception ex)
            {
                message.Fail(ex);
                return;
            }

            if (proxy is not null)
            {
                proxy.CachedActivation = activation;
            }

            if (message.Caller is not null && Options.FailFastOnCallCycles && CallChain.WouldDeadlock(activation, message, out var chain))
            {
                message.Fail(new DeadlockException(target, message.MethodName, chain));
                return;
            }

            if (inline)
            {
                // Only the pump thread runs inline, so the depth lives in the scheduler (a thread static costs more).
                var scheduler = _deterministic!;
                scheduler.InlineDepth++;
                try
                {
                    if (activation.TryRunInline(message))
                    {
                        return;
                    }
                }
                finally
                {
                    scheduler.InlineDepth--;
                }
            }

            if (activation.Receive(message) != ReceiveResult.Invalid)
            {
                return;
            }

            _activations.TryRemove(KeyValuePair.Create(target, activation));
            if (proxy is not null)
            {
                proxy.CachedActivation = null;
            }
        }
    }

    private Activation GetOrCreateActivation(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        if (_stopping)
        {
            throw new InvalidOperationException($"The grain runtime is shutting down; {grainId} cannot be activated.");
        }

        return _activations.GetOrAdd(grainId, s_createActivation, this);
    }

    private Activation NewActivation(GrainId grainId)
    {
        var grainClass = GetClass(grainId.Type);
        var activation = new Activation(this, grainClass, grainId);
        return activation;
    }

    private void RegisterClass(Type type)
    {
        var info = new GrainClassInfo(type, Metrics);
        if (_classesByType.TryGetValue(info.GrainType, out var other) && other.ClassType != type)
        {
            throw new GrainRuntimeConfigurationException($"Grain type name '{info.GrainType}' is used by both {other.ClassType.FullName} and {type.FullName}.");
        }

        _classesByType[info.GrainType] = info;
        foreach (var grainInterface in info.GrainInterfaces)
        {
            if (!_classesByInterface.TryGetValue(grainInterface, out var list))
            {
                _classesByInterface[grainInterface] = list = [];
            }

            list.Add(info);
        }
    }

    private GrainInterfaceBinding GetBinding(Type grainInterface, string? prefix) =>
        _bindings.GetOrAdd((grainInterface, prefix), static (key, runtime) => runtime.CreateBinding(key.Interface, key.Prefix), this);

    private GrainInterfaceBinding CreateBinding(Type grainInterface, string? prefix)
    {
        if (!_classesByInterface.TryGetValue(grainInterface, out var candidates) || candidates.Count == 0)
        {
            throw new GrainRuntimeConfigurationException($"No grain class implementing {grainInterface.FullName} is registered (use AddGrainsFromAssembly).");
        }

        if (prefix is not null)
        {
            candidates = candidates.Where(c => c.ClassType.FullName!.StartsWith(prefix, StringComparison.Ordinal) || c.ClassType.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }

        if (candidates.Count != 1)
        {
            throw new GrainRuntimeConfigurationException(
                $"{candidates.Count} grain classes implement {grainInterface.Name}{(prefix is null ? string.Empty : $" with prefix '{prefix}'")}; pass grainClassNamePrefix to choose one.");
        }

        return new GrainInterfaceBinding(grainInterface, candidates[0], Options.ResponseTimeout);
    }

    private object GetProxy(GrainInterfaceBinding binding, GrainId grainId) =>
        _proxies.GetOrAdd((binding, grainId), static (key, runtime) =>
        {
            var proxy = (GrainProxy)DispatchProxy.Create(key.Binding.Interface, typeof(GrainProxy));
            proxy.Initialize(runtime, key.Binding, key.Id);
            return proxy;
        }, this);

    private void ScanTimeouts()
    {
        try
        {
            var now = Clock.GetTimestamp();
            var queued = new List<Message>();
            var running = new List<Message>();
            foreach (var activation in _activations.Values)
            {
                activation.CollectExpired(now, queued, running);
            }

            foreach (var m in queued)
            {
                m.TimeOut(NewTimeout(m));
            }

            foreach (var m in running)
            {
                m.TimeOut(NewTimeout(m));
            }
        }
        catch (Exception ex)
        {
            Log.ScanFailed(ex);
        }
    }

    private TimeoutException NewTimeout(Message m) =>
        new($"Call to {m.Target}.{m.MethodName} timed out after {Options.ResponseTimeout.TotalSeconds:F1}s (or its [ResponseTimeout]). The outcome is unknown: the call may still complete.");

    private void CollectIdle()
    {
        try
        {
            var now = Clock.GetTimestamp();
            foreach (var activation in _activations.Values)
            {
                var age = activation.Class.CollectionAge ?? Options.CollectionAge;
                activation.TryCollect(now, ToTimestampTicks(age));
            }
        }
        catch (Exception ex)
        {
            Log.ScanFailed(ex);
        }
    }

    private sealed class ClusterClient(GrainRuntime runtime) : IClusterClient
    {
        public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
            where TGrainInterface : IGrainWithStringKey
        {
            ArgumentNullException.ThrowIfNull(primaryKey);
            return runtime.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);
        }

        public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
            where TGrainInterface : IGrainWithGuidKey =>
            runtime.GetGrain<TGrainInterface>(primaryKey.ToString("N"), grainClassNamePrefix);

        public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
            where TGrainInterface : IGrainWithIntegerKey =>
            runtime.GetGrain<TGrainInterface>(primaryKey.ToString(System.Globalization.CultureInfo.InvariantCulture), grainClassNamePrefix);

        public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
            where TGrainInterface : IGrain => runtime.GetGrain<TGrainInterface>(grainId);

        public IStreamProvider GetStreamProvider(string name) => runtime.GetStreamProvider(name);
    }
}
