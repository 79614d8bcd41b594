using System.Text.Json;
using TradingBot.Grains.Strategies;
using TradingBot.Trading.Strategies;

namespace TradingBot.Grains.Tests.Strategies;

public sealed class EvidenceCheckpointTests
{
    private static readonly DateTimeOffset s_at = new(2025, 6, 1, 10, 15, 0, TimeSpan.Zero);

    /// <summary>What the storage would hand back: a JSON round trip of the last written state.</summary>
    private static T Stored<T>(T state) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(state))!;

    [Fact]
    public void Every_signal_writes_a_few_keys_and_a_restart_restores_all_of_them_in_order()
    {
        var main = new StrategyGrainState();
        var recent = new StrategyRecentState();
        var memory = new List<string>();
        StrategyGrainState storedMain = Stored(main);
        var checkpoints = 0;
        var largestRecent = 0;
        for (var i = 0; i < 150; i++)
        {
            var key = $"A|FVG:15m:{i}";
            memory.Add(key);
            if (EvidenceCheckpoint.Record(main, recent, [key], memory, s_at.AddMinutes(i)))
            {
                storedMain = Stored(main);
                checkpoints++;
                EvidenceCheckpoint.Checkpointed(recent);
            }

            largestRecent = Math.Max(largestRecent, recent.UsedEvidence.Count);
        }

        checkpoints.Should().Be(150 / EvidenceCheckpoint.Every);
        largestRecent.Should().BeLessThan(EvidenceCheckpoint.Every, "a signal rewrites the recent keys only");

        var restoredRecent = Stored(recent);
        var arbiter = new SignalArbiter();
        arbiter.Restore(EvidenceCheckpoint.Restore(storedMain, restoredRecent));
        arbiter.UsedKeys.Should().Equal(memory);
        restoredRecent.SignalsProposed.Should().Be(150);
        restoredRecent.LastSignalAt.Should().Be(s_at.AddMinutes(149));
    }

    [Fact]
    public void A_crash_between_the_checkpoint_and_the_recent_write_loses_nothing()
    {
        var main = new StrategyGrainState();
        var recent = new StrategyRecentState();
        var memory = new List<string>();
        StrategyRecentState storedRecent = Stored(recent);
        for (var i = 0; i < EvidenceCheckpoint.Every; i++)
        {
            var key = $"C|OB:15m:{i}";
            memory.Add(key);
            if (EvidenceCheckpoint.Record(main, recent, [key], memory, s_at.AddMinutes(i)))
            {
                break; // the checkpoint is written, the process dies before the recent state is
            }

            storedRecent = Stored(recent);
        }

        var arbiter = new SignalArbiter();
        arbiter.Restore(EvidenceCheckpoint.Restore(Stored(main), storedRecent));
        arbiter.UsedKeys.Should().Equal(memory, "keys in both states are remembered once");
        storedRecent.SignalsProposed.Should().Be(EvidenceCheckpoint.Every, "the checkpoint's counters are the newer");
    }

    [Fact]
    public void A_schema_1_state_reads_as_a_checkpoint_with_nothing_newer()
    {
        var schema1 = JsonSerializer.Deserialize<StrategyGrainState>("""{"schema":1,"enabled":false,"used":["B|SWP:1","B|SWP:2"],"signals":2,"lastSignalAt":"2025-06-01T10:15:00+00:00"}""")!;
        var recent = new StrategyRecentState();

        EvidenceCheckpoint.Restore(schema1, recent).Should().Equal("B|SWP:1", "B|SWP:2");
        recent.SignalsProposed.Should().Be(2);
        recent.LastSignalAt.Should().Be(s_at);
        schema1.Enabled.Should().BeFalse();
        schema1.SchemaVersion.Should().Be(2);
    }
}
