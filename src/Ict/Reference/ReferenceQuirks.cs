namespace TradingBot.Ict.Reference;

/// <summary>
/// The smartmoneyconcepts behaviours that reference mode reproduces, each switchable so tests can show it matters.
/// All on = the golden files.
/// </summary>
/// <param name="SwingWarmup">No swing candidate before bar 2L−1 (the window fits from L−1).</param>
/// <param name="SwingBookends">Artificial swings on rows 0 and n−1, opposite to the first/last survivor.</param>
/// <param name="BullishObOffByOne">Bullish order-block MitigatedIndex recorded one bar early (t−1; upstream PR #112).</param>
/// <param name="SharedObRowState">Bullish and bearish order-block passes share per-row state: a bearish block on a row whose bullish block failed starts as failed.</param>
/// <param name="Float32Levels">Levels stored as float32 and prices compared with them (BOS breaks, OB edges, previous high/low).</param>
public sealed record ReferenceQuirks(
    bool SwingWarmup = true,
    bool SwingBookends = true,
    bool BullishObOffByOne = true,
    bool SharedObRowState = true,
    bool Float32Levels = true)
{
    public static ReferenceQuirks All => new();
}
