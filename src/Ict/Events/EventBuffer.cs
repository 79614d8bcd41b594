namespace TradingBot.Ict.Events;

/// <summary>Reusable per-bar event list; grows to the busiest bar seen and then never allocates again.</summary>
public sealed class EventBuffer
{
    private IctEvent[] _items = new IctEvent[256];

    public int Count { get; private set; }

    public ReadOnlySpan<IctEvent> Span => _items.AsSpan(0, Count);

    /// <summary>The current events; valid until the next <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<IctEvent> Memory => _items.AsMemory(0, Count);

    public void Clear() => Count = 0;

    public void Add(in IctEvent item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }
}
