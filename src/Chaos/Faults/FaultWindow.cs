namespace TradingBot.Chaos.Faults;

/// <summary>
/// A fault that stays on for a while (clock skew, duplicated or reordered events, webhook outage). It closes after
/// its planned length once it has actually hit the bot (its hit counter moved), or after <c>cap</c> steps regardless,
/// so a quiet market cannot make a window pass without effect.
/// </summary>
internal sealed class FaultWindow(long openedAt, long endsAt, long hitsAtOpen, Func<long> hits)
{
    public bool IsOver(long step, long cap) => step >= endsAt && (Hit || step - openedAt >= cap);

    /// <summary>True once the fault has affected the bot at least once.</summary>
    public bool Hit => hits() > hitsAtOpen;
}
