namespace TradingBot.Runtime;

/// <summary>A state record with its version, as a storage provider sees it.</summary>
public interface IGrainState<T>
{
    /// <summary>The state; never null (a fresh default instance when no record exists).</summary>
    T State { get; set; }

    /// <summary>The stored version as a string; null when no record has been written.</summary>
    string? ETag { get; set; }

    /// <summary>True when the store holds a (non-cleared) payload.</summary>
    bool RecordExists { get; set; }
}

/// <summary>
/// One persisted state record of a grain, injected with <see cref="PersistentStateAttribute"/>. Writes are
/// write-through: <see cref="WriteStateAsync()"/> completes after the store committed.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    string? Etag { get; }

    /// <summary>Throws before the first read (the runtime reads before <c>OnActivateAsync</c>).</summary>
    bool RecordExists { get; }

    Task ReadStateAsync();

    Task ReadStateAsync(CancellationToken cancellationToken);

    Task WriteStateAsync();

    Task WriteStateAsync(CancellationToken cancellationToken);

    Task ClearStateAsync();

    Task ClearStateAsync(CancellationToken cancellationToken);
}

/// <summary>A named storage provider (Orleans' IGrainStorage).</summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}

/// <summary>Turns state into bytes and back (Orleans uses BinaryData, which this package feed lacks).</summary>
public interface IGrainStorageSerializer
{
    byte[] Serialize<T>(T input);

    T Deserialize<T>(ReadOnlyMemory<byte> input);
}
