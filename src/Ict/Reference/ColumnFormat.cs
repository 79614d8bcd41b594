namespace TradingBot.Ict.Reference;

/// <summary>How a table column is written so that files diff cleanly against the pandas-written reference.</summary>
public enum ColumnFormat : byte
{
    /// <summary>Python repr of a float64 ("1.0", "153.0", "0.97369").</summary>
    Double,

    /// <summary>Python repr of a float32 (shortest text that round-trips the float32, "0.97345555").</summary>
    Float32,

    /// <summary>Plain integer ("0", "1").</summary>
    Integer,
}
