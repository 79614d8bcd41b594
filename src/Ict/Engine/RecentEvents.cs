using System.Collections.Immutable;
using TradingBot.Ict.Events;

namespace TradingBot.Ict.Engine;

/// <summary>Fixed-size ring of the most recent events of some kinds; allocation-free until read.</summary>
internal sealed class RecentEvents(int capacity)
{
    private readonly IctEvent[] _items = new IctEvent[Math.Max(1, capacity)];
    private long _count;

    public void Add(in IctEvent item) => _items[(int)(_count++ % _items.Length)] = item;

    /// <summary>Oldest first.</summary>
    public ImmutableArray<IctEvent> ToImmutable()
    {
        var n = (int)Math.Min(_count, _items.Length);
        var builder = ImmutableArray.CreateBuilder<IctEvent>(n);
        for (var i = _count - n; i < _count; i++)
        {
            builder.Add(_items[(int)(i % _items.Length)]);
        }

        return builder.MoveToImmutable();
    }
}
