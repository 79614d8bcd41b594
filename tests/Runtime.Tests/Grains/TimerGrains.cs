using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Timer with the given period whose callback works for <paramref name="workSeconds"/> of simulated time.</summary>
    Task StartTicking(int periodSeconds, int workSeconds, bool keepAlive = false);

    Task StartFailing();

    Task<int> FailingTicks();

    Task Block(string gate);
}

public sealed class TimerGrain(TestProbe probe, TimeProvider clock) : Grain, ITimerGrain
{
    private readonly DateTimeOffset _origin = clock.GetUtcNow();
    private int _failingTicks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated("timer:" + this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivated("timer:" + this.GetPrimaryKeyString(), reason.ReasonCode);
        return Task.CompletedTask;
    }

    public Task StartTicking(int periodSeconds, int workSeconds, bool keepAlive = false)
    {
        var period = TimeSpan.FromSeconds(periodSeconds);
        this.RegisterGrainTimer(
            async ct =>
            {
                probe.Record($"tick-start:{Elapsed()}");
                if (workSeconds > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(workSeconds), clock, ct);
                }

                probe.Record($"tick-end:{Elapsed()}");
            },
            new GrainTimerCreationOptions(period, period) { KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task StartFailing()
    {
        this.RegisterGrainTimer(
            _ =>
            {
                _failingTicks++;
                throw new InvalidOperationException("timer failure");
            },
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        return Task.CompletedTask;
    }

    public Task<int> FailingTicks() => Task.FromResult(_failingTicks);

    public Task Block(string gate) => probe.Gate(gate);

    private int Elapsed() => (int)(clock.GetUtcNow() - _origin).TotalSeconds;
}

public interface IKeepAliveGrain : IGrainWithStringKey
{
    Task Touch();
}

[KeepAlive]
public sealed class KeepAliveGrain(TestProbe probe) : Grain, IKeepAliveGrain
{
    public Task Touch()
    {
        probe.Activated("keepalive:" + this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}

public interface IShortLivedGrain : IGrainWithStringKey
{
    Task Touch();

    Task KeepFor(TimeSpan lifetime);
}

[CollectionAgeLimit(Minutes = 2)]
public sealed class ShortLivedGrain : Grain, IShortLivedGrain
{
    public Task Touch() => Task.CompletedTask;

    public Task KeepFor(TimeSpan lifetime)
    {
        DelayDeactivation(lifetime);
        return Task.CompletedTask;
    }
}
