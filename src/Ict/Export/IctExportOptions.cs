namespace TradingBot.Ict.Export;

/// <summary>Arguments of <c>trading-bot ict --input FILE --out DIR [--swing-length 5] [--mode reference|causal]</c>.</summary>
/// <param name="Input">Candle CSV or CSV.gz.</param>
/// <param name="OutputDirectory">Created if missing; the six result files are overwritten.</param>
/// <param name="SwingLength">Swing length L (≥ 1).</param>
/// <param name="Mode">Reference (default) or causal.</param>
public sealed record IctExportOptions(string Input, string OutputDirectory, int SwingLength = 5, IctExportMode Mode = IctExportMode.Reference);
