using TradingBot.Ict.Events;

namespace TradingBot.Ict.Engine;

/// <summary>
/// Result of one closed candle. <see cref="Events"/> points into the engine's reusable buffer: it is valid until
/// the next call on the same engine; copy what must outlive it.
/// </summary>
public readonly record struct IctUpdate(IctUpdateStatus Status, long BarIndex, ReadOnlyMemory<IctEvent> Events, bool SnapshotChanged)
{
    public bool Accepted => Status == IctUpdateStatus.Processed;
}
