namespace TradingBot.Ict.Reference;

/// <summary>
/// A sparse result table aligned 1:1 with the input rows: only rows holding something are stored (row → slot in
/// one flat value array, no allocation per row); every other row is <see cref="DefaultRow"/> or all NaN.
/// </summary>
public sealed class IctTable
{
    private readonly Dictionary<long, int> _slots = new();
    private readonly int _width;
    private double[] _values = new double[1024];
    private int _used;

    public IctTable(string fileName, long rowCount, params (string Name, ColumnFormat Format)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        FileName = fileName;
        RowCount = rowCount;
        Columns = columns;
        _width = columns.Length;
    }

    /// <summary>Reference file name, e.g. <c>fvg_result_data.csv</c>.</summary>
    public string FileName { get; }

    public long RowCount { get; }

    public IReadOnlyList<(string Name, ColumnFormat Format)> Columns { get; }

    /// <summary>Values written for rows not stored (NaN by default; dense reference tables use e.g. 0).</summary>
    public double[]? DefaultRow { get; init; }

    public int StoredRows => _slots.Count;

    public double Get(long row, int column) =>
        _slots.TryGetValue(row, out var slot) ? _values[slot + column] : DefaultRow?[column] ?? double.NaN;

    /// <summary>Row values; empty when the row is not stored.</summary>
    public ReadOnlySpan<double> GetRow(long row) =>
        _slots.TryGetValue(row, out var slot) ? _values.AsSpan(slot, _width) : ReadOnlySpan<double>.Empty;

    public void Set(long row, int column, double value)
    {
        // Slot may grow the array: take it before touching _values.
        var slot = Slot(row);
        _values[slot + column] = value;
    }

    public void SetRow(long row, params ReadOnlySpan<double> values)
    {
        var slot = Slot(row);
        values.CopyTo(_values.AsSpan(slot, _width));
    }

    /// <summary>Removes a row (its slot is not reused; tables are built once).</summary>
    public void Clear(long row) => _slots.Remove(row);

    public bool Has(long row) => _slots.ContainsKey(row);

    /// <summary>Stored row indices in ascending order.</summary>
    public long[] SortedRows()
    {
        var keys = new long[_slots.Count];
        _slots.Keys.CopyTo(keys, 0);
        Array.Sort(keys);
        return keys;
    }

    private int Slot(long row)
    {
        if (_slots.TryGetValue(row, out var slot))
        {
            return slot;
        }

        if (_used + _width > _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        slot = _used;
        _used += _width;
        _values.AsSpan(slot, _width).Fill(double.NaN);
        _slots[row] = slot;
        return slot;
    }
}
