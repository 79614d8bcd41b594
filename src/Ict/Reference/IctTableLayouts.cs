namespace TradingBot.Ict.Reference;

/// <summary>File names and column headers of the reference result files.</summary>
public static class IctTableLayouts
{
    public const string SwingsFile = "swing_highs_lows_result_data.csv";
    public const string FvgFile = "fvg_result_data.csv";
    public const string FvgJoinedFile = "fvg_consecutive_result_data.csv";
    public const string BosChochFile = "bos_choch_result_data.csv";
    public const string OrderBlocksFile = "ob_result_data.csv";
    public const string LiquidityFile = "liquidity_result_data.csv";

    public static IctTable Swings(long rows) =>
        new(SwingsFile, rows, ("HighLow", ColumnFormat.Double), ("Level", ColumnFormat.Double));

    public static IctTable Fvg(long rows, bool join) =>
        new(join ? FvgJoinedFile : FvgFile, rows, ("FVG", ColumnFormat.Double), ("Top", ColumnFormat.Double), ("Bottom", ColumnFormat.Double), ("MitigatedIndex", ColumnFormat.Double));

    public static IctTable BosChoch(long rows) =>
        new(BosChochFile, rows, ("BOS", ColumnFormat.Double), ("CHOCH", ColumnFormat.Double), ("Level", ColumnFormat.Float32), ("BrokenIndex", ColumnFormat.Double));

    public static IctTable OrderBlocks(long rows) =>
        new(OrderBlocksFile, rows, ("OB", ColumnFormat.Double), ("Top", ColumnFormat.Float32), ("Bottom", ColumnFormat.Float32), ("OBVolume", ColumnFormat.Float32), ("MitigatedIndex", ColumnFormat.Double), ("Percentage", ColumnFormat.Float32));

    public static IctTable Liquidity(long rows) =>
        new(LiquidityFile, rows, ("Liquidity", ColumnFormat.Float32), ("Level", ColumnFormat.Float32), ("End", ColumnFormat.Float32), ("Swept", ColumnFormat.Float32));

    public static IctTable PreviousHighLow(string fileName, long rows) =>
        new(fileName, rows, ("PreviousHigh", ColumnFormat.Float32), ("PreviousLow", ColumnFormat.Float32), ("BrokenHigh", ColumnFormat.Integer), ("BrokenLow", ColumnFormat.Integer))
        {
            DefaultRow = [double.NaN, double.NaN, 0, 0],
        };

    public static IctTable Sessions(long rows) =>
        new("sessions_result_data.csv", rows, ("Active", ColumnFormat.Integer), ("High", ColumnFormat.Float32), ("Low", ColumnFormat.Float32))
        {
            DefaultRow = [0, 0, 0],
        };
}
