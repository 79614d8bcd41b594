namespace TradingBot.Ict.Periods;

/// <summary>Previous period high/low parameters (§3.7).</summary>
/// <param name="Kind">Fixed bins or calendar weeks.</param>
/// <param name="PeriodMs">Bin length for <see cref="PeriodKind.Fixed"/>.</param>
/// <param name="ReferenceCalendar">
/// Reproduce pandas resample labels: the first bar of a fixed period and every bar of a week see the period two back.
/// </param>
/// <param name="Float32Levels">Store the previous levels as float32 and compare with them (reference parity).</param>
public sealed record PreviousPeriodOptions(PeriodKind Kind, long PeriodMs = 86_400_000, bool ReferenceCalendar = false, bool Float32Levels = false)
{
    public static PreviousPeriodOptions Day => new(PeriodKind.Fixed);

    public static PreviousPeriodOptions Week => new(PeriodKind.Week, 7 * 86_400_000L);
}
