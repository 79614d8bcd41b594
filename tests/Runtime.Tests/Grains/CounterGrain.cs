using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task Fail(string message);

    Task ThrowInconsistent();

    Task<int> ActivationNumber();
}

public sealed class CounterGrain(TestProbe probe) : Grain, ICounterGrain
{
    private int _value;
    private int _activationNumber;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        probe.Activated(key);
        _activationNumber = probe.Activations(key);
        if (probe.FailActivation.TryGetValue(key, out var fail) && fail)
        {
            await probe.Gate("activate-" + key);
            throw new InvalidOperationException("activation failed for " + key);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivated(this.GetPrimaryKeyString(), reason.ReasonCode);
        return Task.CompletedTask;
    }

    public Task<int> Increment() => Task.FromResult(++_value);

    public Task<int> Get() => Task.FromResult(_value);

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public Task ThrowInconsistent() => throw new InconsistentStateException("test conflict", "2", "1");

    public Task<int> ActivationNumber() => Task.FromResult(_activationNumber);
}
