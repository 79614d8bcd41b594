using TradingBot.Runtime.CrashChild;
using TradingBot.Runtime.Testing;

namespace TradingBot.Runtime.Tests.Storage;

public sealed class PersistentGrainTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tb-grain-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task State_is_injected_loaded_before_activation_and_survives_deactivation_and_restart()
    {
        var key = "BINANCE:ETHUSDT";
        await using (var cluster = Build())
        {
            await cluster.DeployAsync();
            var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
            (await ledger.Append(1)).Should().Be("1");
            await cluster.DeactivateAsync(ledger);
            cluster.TryGetGrainContext(ledger.GetGrainId(), out var gone).Should().BeFalse();
            (await ledger.Append(2)).Should().Be("2", "the new activation read the stored ETag before the call");
        }

        await using (var restarted = Build())
        {
            await restarted.DeployAsync();
            (await restarted.Client.GetGrain<ILedgerGrain>(key).Append(3)).Should().Be("3");
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private InProcessTestCluster Build() =>
        new InProcessTestClusterBuilder().ConfigureSilo(b => b.AddGrain<LedgerGrain>().AddSqliteGrainStorage("Default", _path)).Build();
}
