namespace TradingBot.Ict.Primitives;

/// <summary>
/// Storage for one direction's active zones with a heap of "next trigger" prices, so a bar only touches the zones
/// it actually triggers (O(log n) per event, O(1) per quiet bar) however many zones are active.
/// Keys are compared as a min-heap: callers negate prices for "trigger when price ≤ key" sides.
/// Slots are reused; stale heap entries are skipped by generation. Oldest-first eviction beyond a cap.
/// </summary>
internal sealed class ZonePool<TZone>
    where TZone : struct
{
    private readonly int _maxActive;
    private readonly PriorityQueue<(int Slot, int Generation), double> _heap;
    private TZone[] _zones;
    private long[] _order;
    private int[] _generation;
    private double[] _keys;
    private bool[] _used;
    private int[] _free;
    private int _freeCount;
    private int _highWater;

    // Live slots in creation order, kept on add/remove so CopyOrdered need not sort. Only while creation orders are
    // distinct: with a tie the order among equals would be the sort's, so CopyOrdered sorts again until the pool empties.
    private int[] _sequence;
    private bool _sequenceValid = true;

    public ZonePool(int maxActive)
    {
        _maxActive = Math.Max(1, maxActive);
        var capacity = _maxActive <= 4096 ? _maxActive : 64;
        _zones = new TZone[capacity];
        _order = new long[capacity];
        _generation = new int[capacity];
        _keys = new double[capacity];
        _used = new bool[capacity];
        _free = new int[capacity];
        _sequence = new int[capacity];
        // Sized so the stale-entry trim (at 2 × live + 64) never needs to grow it when the pool is bounded.
        _heap = new PriorityQueue<(int, int), double>((2 * capacity) + 72);
    }

    public int Count { get; private set; }

    /// <summary>Number of slot positions ever used (iterate 0.._HighWater and check <see cref="IsUsed"/>).</summary>
    public int HighWater => _highWater;

    public bool IsUsed(int slot) => _used[slot];

    public ref TZone this[int slot] => ref _zones[slot];

    /// <summary>Creation sequence of the zone in a slot (for oldest-first order and eviction).</summary>
    public long OrderOf(int slot) => _order[slot];

    /// <summary>Adds a zone; returns its slot. Evicts the oldest zone first when full (returned in <paramref name="evicted"/>).</summary>
    public int Add(in TZone zone, long order, double key, out bool evicted)
    {
        evicted = false;
        if (Count == _maxActive)
        {
            var oldest = -1;
            for (var i = 0; i < _highWater; i++)
            {
                if (_used[i] && (oldest < 0 || _order[i] < _order[oldest]))
                {
                    oldest = i;
                }
            }

            Remove(oldest);
            evicted = true;
        }

        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_highWater == _zones.Length)
            {
                Grow();
            }

            slot = _highWater++;
        }

        _zones[slot] = zone;
        _order[slot] = order;
        _used[slot] = true;
        InsertInSequence(slot, order);
        Count++;
        _keys[slot] = key;
        _heap.Enqueue((slot, _generation[slot]), key);
        TrimStale();
        return slot;
    }

    public void Remove(int slot)
    {
        RemoveFromSequence(slot);
        _used[slot] = false;
        _generation[slot]++;
        _free[_freeCount++] = slot;
        Count--;
        if (Count == 0)
        {
            _heap.Clear();
            _sequenceValid = true;
        }
    }

    private void InsertInSequence(int slot, long order)
    {
        // Count is the sequence length here (the new zone is not counted yet).
        var position = Count;
        while (position > 0 && _order[_sequence[position - 1]] >= order)
        {
            if (_order[_sequence[position - 1]] == order)
            {
                _sequenceValid = false;
            }

            position--;
        }

        Array.Copy(_sequence, position, _sequence, position + 1, Count - position);
        _sequence[position] = slot;
    }

    private void RemoveFromSequence(int slot)
    {
        var position = Array.IndexOf(_sequence, slot, 0, Count);
        Array.Copy(_sequence, position + 1, _sequence, position, Count - position - 1);
    }

    /// <summary>Re-arms a zone with a new trigger key (old entries become stale).</summary>
    public void Rearm(int slot, double key)
    {
        _generation[slot]++;
        _keys[slot] = key;
        _heap.Enqueue((slot, _generation[slot]), key);
        TrimStale();
    }

    /// <summary>Rebuilds the heap when stale entries dominate, so it stays bounded by the live zone count.</summary>
    private void TrimStale()
    {
        if (_heap.Count <= (2 * Count) + 64)
        {
            return;
        }

        _heap.Clear();
        for (var i = 0; i < _highWater; i++)
        {
            if (_used[i])
            {
                _heap.Enqueue((i, _generation[i]), _keys[i]);
            }
        }
    }

    /// <summary>Pops the next zone whose key is ≤ <paramref name="limit"/>; false when none.</summary>
    public bool TryPopTriggered(double limit, out int slot)
    {
        while (_heap.TryPeek(out var entry, out var key))
        {
            if (!_used[entry.Slot] || _generation[entry.Slot] != entry.Generation)
            {
                _heap.Dequeue();
                continue;
            }

            if (key > limit)
            {
                break;
            }

            _heap.Dequeue();
            slot = entry.Slot;
            return true;
        }

        slot = -1;
        return false;
    }

    /// <summary>Smallest live key, +∞ when empty (drops stale entries on the way).</summary>
    public double MinKey()
    {
        while (_heap.TryPeek(out var entry, out var key))
        {
            if (_used[entry.Slot] && _generation[entry.Slot] == entry.Generation)
            {
                return key;
            }

            _heap.Dequeue();
        }

        return double.PositiveInfinity;
    }

    /// <summary>Copies live zones in creation order into <paramref name="target"/>; returns the count.</summary>
    public int CopyOrdered(ref TZone[] target, ref long[] orderScratch)
    {
        if (target.Length < Count)
        {
            target = new TZone[Math.Max(Count, 2 * target.Length)];
        }

        if (orderScratch.Length < Count)
        {
            orderScratch = new long[Math.Max(Count, 2 * orderScratch.Length)];
        }

        if (_sequenceValid)
        {
            for (var i = 0; i < Count; i++)
            {
                target[i] = _zones[_sequence[i]];
            }

            return Count;
        }

        var n = 0;
        for (var i = 0; i < _highWater; i++)
        {
            if (_used[i])
            {
                target[n] = _zones[i];
                orderScratch[n] = _order[i];
                n++;
            }
        }

        Array.Sort(orderScratch, target, 0, n);
        return n;
    }

    private void Grow()
    {
        var size = (int)Math.Min(_maxActive, 2L * _zones.Length);
        Array.Resize(ref _zones, size);
        Array.Resize(ref _order, size);
        Array.Resize(ref _generation, size);
        Array.Resize(ref _keys, size);
        Array.Resize(ref _used, size);
        Array.Resize(ref _free, size);
        Array.Resize(ref _sequence, size);
    }
}
