using System.Collections.Concurrent;

namespace TradingBot.Runtime.Tests.Support;

/// <summary>Shared recorder injected into test grains: lifecycle counts, an ordered event log and named gates.</summary>
public sealed class TestProbe
{
    private readonly ConcurrentDictionary<string, int> _activations = new();
    private readonly ConcurrentDictionary<string, int> _deactivations = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentDictionary<string, DeactivationReasonCode> _lastReason = new();

    public ConcurrentDictionary<string, bool> FailActivation { get; } = new();

    public IReadOnlyList<string> Log => [.. _log];

    public int Activations(string key) => _activations.GetValueOrDefault(key);

    public int Deactivations(string key) => _deactivations.GetValueOrDefault(key);

    public DeactivationReasonCode LastDeactivationReason(string key) => _lastReason.GetValueOrDefault(key);

    public void Activated(string key) => _activations.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Deactivated(string key, DeactivationReasonCode reason)
    {
        _deactivations.AddOrUpdate(key, 1, (_, n) => n + 1);
        _lastReason[key] = reason;
    }

    public void Record(string entry) => _log.Enqueue(entry);

    /// <summary>A gate grain code awaits; the test opens it.</summary>
    public Task Gate(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource()).Task;

    public void Open(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource()).TrySetResult();

    /// <summary>A signal grain code raises; the test awaits (armed before triggering).</summary>
    public Task Signal(string name) => _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Raise(string name) => _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
