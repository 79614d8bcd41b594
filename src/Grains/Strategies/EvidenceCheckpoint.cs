namespace TradingBot.Grains.Strategies;

/// <summary>
/// How a StrategyGrain persists the evidence it used (so a restart never re-fires an old setup) without rewriting
/// the whole memory on every signal: each signal adds its keys and the counters to the small
/// <see cref="StrategyRecentState"/>; once <see cref="Every"/> keys have gathered there, the whole memory is copied
/// into <see cref="StrategyGrainState"/> (the checkpoint, written first) and the recent keys start again empty.
/// </summary>
internal static class EvidenceCheckpoint
{
    /// <summary>Recent keys that trigger a checkpoint.</summary>
    public const int Every = 64;

    /// <summary>
    /// Records a signal's new keys and counters in <paramref name="recent"/>. Returns true when a checkpoint is due:
    /// <paramref name="main"/> then holds the whole memory and must be written before <paramref name="recent"/> is
    /// emptied (<see cref="Checkpointed"/>) and written, so a crash in between leaves keys in both, never in neither.
    /// </summary>
    public static bool Record(StrategyGrainState main, StrategyRecentState recent, IReadOnlyCollection<string> newKeys, IReadOnlyCollection<string> memory, DateTimeOffset signalAt)
    {
        recent.UsedEvidence.AddRange(newKeys);
        recent.SignalsProposed++;
        recent.LastSignalAt = signalAt;
        if (recent.UsedEvidence.Count < Every)
        {
            return false;
        }

        main.UsedEvidence = [.. memory];
        main.SignalsProposed = recent.SignalsProposed;
        main.LastSignalAt = recent.LastSignalAt;
        return true;
    }

    /// <summary>After the checkpoint was written: the recent keys are in it.</summary>
    public static void Checkpointed(StrategyRecentState recent) => recent.UsedEvidence.Clear();

    /// <summary>
    /// At activation: the keys to remember, oldest first (a key may appear twice after a crash between the two
    /// writes; the arbiter keeps it once), and the counters in <paramref name="recent"/> (schema 1 kept them in
    /// <paramref name="main"/> only).
    /// </summary>
    public static IEnumerable<string> Restore(StrategyGrainState main, StrategyRecentState recent)
    {
        main.SchemaVersion = 2;
        if (main.SignalsProposed > recent.SignalsProposed)
        {
            recent.SignalsProposed = main.SignalsProposed;
            recent.LastSignalAt = main.LastSignalAt;
        }

        return main.UsedEvidence.Concat(recent.UsedEvidence);
    }
}
