namespace TradingBot.Ict.Export;

/// <summary>Which semantics the export uses.</summary>
public enum IctExportMode
{
    /// <summary>smartmoneyconcepts tables, quirks and look-ahead included (diffs against the golden files).</summary>
    Reference,

    /// <summary>Live detectors: each fact on its origin row, only what was known causally by the end of the file.</summary>
    Causal,
}
