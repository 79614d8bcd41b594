using TradingBot.Runtime.Persistence;
using TradingBot.Runtime.Storage;

namespace TradingBot.Runtime.Tests.Storage;

public sealed class PersistentStateQueueTests
{
    [Fact]
    public async Task Writes_run_one_at_a_time_and_a_queued_write_absorbs_later_ones()
    {
        var storage = new GatedStorage();
        var metrics = new TradingBot.Runtime.Testing.InProcessTestClusterBuilder().Build();
        await metrics.DeployAsync();
        await using var _ = metrics;
        var state = new PersistentState<ConformanceState>("s", new GrainId("t", "k"), storage, StatsFor(metrics));

        state.State.Value = 1;
        var first = state.WriteStateAsync();
        state.State.Value = 2;
        var second = state.WriteStateAsync();
        state.State.Value = 3;
        var third = state.WriteStateAsync();

        storage.Started.Should().Be(1, "only one storage operation runs at a time");
        storage.Release();
        await first;
        storage.Release();
        await Task.WhenAll(second, third);

        storage.Started.Should().Be(2, "the third write joined the queued second write");
        storage.LastWrittenValue.Should().Be(3);
        state.Etag.Should().Be("2");
    }

    private static TradingBot.Runtime.Metrics.StorageStats StatsFor(TradingBot.Runtime.Testing.InProcessTestCluster cluster) =>
        cluster.Runtime.Metrics.ForStorage("gated", "s");

    private sealed class GatedStorage : IGrainStorage
    {
        private readonly MemoryGrainStorage _inner = new();
        private readonly Queue<TaskCompletionSource> _gates = new();
        private int _releases;

        public int Started { get; private set; }

        public int LastWrittenValue { get; private set; }

        public void Release()
        {
            lock (_gates)
            {
                if (_gates.TryDequeue(out var gate))
                {
                    gate.TrySetResult();
                }
                else
                {
                    _releases++;
                }
            }
        }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Started++;
            TaskCompletionSource gate;
            lock (_gates)
            {
                gate = new TaskCompletionSource();
                if (_releases > 0)
                {
                    _releases--;
                    gate.TrySetResult();
                }
                else
                {
                    _gates.Enqueue(gate);
                }
            }

            await gate.Task;
            LastWrittenValue = ((ConformanceState)(object)grainState.State!).Value;
            await _inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
