using System.Globalization;
using TradingBot.Runtime.Persistence;

namespace TradingBot.Runtime.Storage;

/// <summary>
/// In-memory storage with the same version/ETag rules as <see cref="SqliteGrainStorage"/>. Payloads are stored
/// serialized, so a grain never aliases stored state.
/// </summary>
public sealed class MemoryGrainStorage(IGrainStorageSerializer? serializer = null) : IGrainStorage
{
    private readonly IGrainStorageSerializer _serializer = serializer ?? new JsonGrainStorageSerializer();
    private readonly Dictionary<(string StateName, GrainId GrainId), Row> _rows = [];
    private readonly Lock _lock = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        Row? row;
        lock (_lock)
        {
            _rows.TryGetValue((stateName, grainId), out row);
        }

        if (row?.Payload is { } payload)
        {
            grainState.State = _serializer.Deserialize<T>(payload);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = PersistentState<T>.CreateDefault();
            grainState.RecordExists = false;
        }

        grainState.ETag = row is null ? null : Format(row.Version);
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _serializer.Serialize(grainState.State);
        lock (_lock)
        {
            var key = (stateName, grainId);
            _rows.TryGetValue(key, out var row);
            Check(stateName, grainId, row, grainState.ETag, "write");
            var version = row is null ? 1 : checked(row.Version + 1);
            _rows[key] = new Row(payload, version);
            grainState.ETag = Format(version);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (_lock)
        {
            var key = (stateName, grainId);
            _rows.TryGetValue(key, out var row);
            Check(stateName, grainId, row, grainState.ETag, "clear");
            if (row is not null)
            {
                var version = checked(row.Version + 1);
                _rows[key] = new Row(null, version);
                grainState.ETag = Format(version);
            }

            grainState.State = PersistentState<T>.CreateDefault();
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    private static void Check(string stateName, GrainId grainId, Row? row, string? etag, string operation)
    {
        var stored = row is null ? null : Format(row.Version);
        if (!string.Equals(stored, etag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException($"Version conflict on {operation} of state '{stateName}' for {grainId}", stored, etag);
        }
    }

    private static string Format(int version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(byte[]? Payload, int Version);
}
