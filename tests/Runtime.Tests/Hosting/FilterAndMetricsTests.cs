using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Hosting;

public sealed class FilterAndMetricsTests
{
    [Fact]
    public async Task Incoming_and_outgoing_filters_see_the_call_and_its_result()
    {
        var (cluster, probe) = await Clusters.StartAsync(configure: b => b
            .AddIncomingGrainCallFilter<RecordingIncomingFilter>()
            .AddOutgoingGrainCallFilter<RecordingOutgoingFilter>());
        await using var _ = cluster;

        await cluster.Client.GetGrain<IRelayGrain>("f1").Relay(1);

        probe.Log.Should().Contain("out:IRelayGrain.Relay->relay/f1 from <none>");
        probe.Log.Should().Contain("in:IRelayGrain.Relay impl=RelayGrain from <none> result=1");
        probe.Log.Should().Contain("out:ICounterGrain.Increment->counter/shared-1 from relay/f1");
        probe.Log.Should().Contain("in:ICounterGrain.Increment impl=CounterGrain from relay/f1 result=1");
    }

    [Fact]
    public async Task Snapshot_and_meter_report_calls_latency_activations_and_storage()
    {
        var (cluster, _) = await Clusters.StartAsync();
        await using var __ = cluster;

        // The meter name is shared by every runtime in the process (other tests run in parallel): listen to ours only.
        var measurements = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "TradingBot.Runtime" && ReferenceEquals(instrument.Meter.Scope, cluster.Runtime.Metrics))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => measurements.Add(instrument.Name));
        listener.SetMeasurementEventCallback<long>((instrument, _, _, _) => measurements.Add(instrument.Name));
        listener.SetMeasurementEventCallback<int>((instrument, _, _, _) => measurements.Add(instrument.Name));
        listener.Start();

        for (var i = 0; i < 10; i++)
        {
            await cluster.Client.GetGrain<ICounterGrain>("m" + (i % 2)).Increment();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.GetGrain<ICounterGrain>("m0").Fail("x"));

        var snapshot = cluster.Runtime.Metrics.Snapshot();
        var type = snapshot.GrainTypes.Single(t => t.GrainType == "counter");
        type.Activations.Should().Be(2);
        type.Calls.Should().Be(11);
        type.Errors.Should().Be(1);
        type.CallsPerSecond.Should().BeGreaterThan(0);
        type.P99LatencyMs.Should().BeGreaterThan(0);
        var increment = snapshot.Methods.Single(m => m.GrainType == "counter" && m.Method == "Increment");
        increment.Calls.Should().Be(10);
        increment.CallsHistory.Should().HaveCount(100).And.Subject.Sum().Should().Be(10);
        snapshot.TotalActivations.Should().Be(2);
        measurements.Should().Contain("orleans-app-requests-latency").And.Contain("orleans-catalog-activation-created");
        listener.RecordObservableInstruments();
        measurements.Should().Contain("orleans-catalog-activations");
    }

    [Fact]
    public async Task Storage_metrics_are_kept_per_state_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tb-metrics-{Guid.NewGuid():N}.db");
        try
        {
            var (cluster, _) = await Clusters.StartAsync(configure: b => b.AddSqliteGrainStorage("sqlite", path));
            await using (cluster)
            {
                await cluster.Client.GetGrain<IFlushGrain>("s").Set(1);
                await cluster.DeactivateAsync(cluster.Client.GetGrain<IFlushGrain>("s"));
                var storage = cluster.Runtime.Metrics.Snapshot().Storage.Single(s => s.StateName == "flush");
                storage.Provider.Should().Be("sqlite");
                storage.Reads.Should().Be(1);
                storage.Writes.Should().Be(1);
                storage.Errors.Should().Be(0);
            }
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    public sealed class RecordingIncomingFilter(TestProbe probe) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            await context.Invoke();
            probe.Record($"in:{context.InterfaceName}.{context.MethodName} impl={context.ImplementationMethod.DeclaringType!.Name} from {context.SourceId?.ToString() ?? "<none>"} result={context.Result}");
        }
    }

    public sealed class RecordingOutgoingFilter(TestProbe probe) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            probe.Record($"out:{context.InterfaceName}.{context.MethodName}->{context.TargetId} from {context.SourceId?.ToString() ?? "<none>"}");
            return context.Invoke();
        }
    }
}
