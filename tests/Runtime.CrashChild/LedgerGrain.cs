namespace TradingBot.Runtime.CrashChild;

/// <summary>State of the crash-test ledger.</summary>
public sealed class LedgerState
{
    public List<int> Entries { get; set; } = [];
}

/// <summary>A grain whose every append is written through before it returns.</summary>
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Appends and persists; returns the new ETag.</summary>
    Task<string?> Append(int value);
}

/// <summary>Writes state right after each mutation.</summary>
public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> state) : Grain, ILedgerGrain
{
    public async Task<string?> Append(int value)
    {
        state.State.Entries.Add(value);
        await state.WriteStateAsync();
        return state.Etag;
    }
}
