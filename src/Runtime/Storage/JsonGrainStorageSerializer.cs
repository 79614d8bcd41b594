using System.Text.Json;

namespace TradingBot.Runtime.Storage;

/// <summary>System.Text.Json state serializer. Pass options carrying a source-generated context for AOT-friendly state types.</summary>
public sealed class JsonGrainStorageSerializer(JsonSerializerOptions? options = null) : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.General);

    public byte[] Serialize<T>(T input) => JsonSerializer.SerializeToUtf8Bytes(input, _options);

    public T Deserialize<T>(ReadOnlyMemory<byte> input)
    {
        return JsonSerializer.Deserialize<T>(input.Span, _options)
            ?? throw new InvalidOperationException($"Stored payload deserialized to null for {typeof(T).Name}.");
    }
}
