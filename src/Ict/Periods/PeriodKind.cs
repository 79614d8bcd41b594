namespace TradingBot.Ict.Periods;

/// <summary>Calendar period of a previous-high/low tracker.</summary>
public enum PeriodKind : byte
{
    /// <summary>Fixed-length bins aligned to UTC midnight (must divide a day: 1h, 4h, 1D …).</summary>
    Fixed,

    /// <summary>Calendar week. Causal: Monday 00:00 – Sunday 24:00 UTC. Reference: pandas "W" (weeks ending Sunday, labelled by their end).</summary>
    Week,
}
