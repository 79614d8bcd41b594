namespace TradingBot.Chaos.Invariants;

/// <summary>The invariants a chaos run checks (names used in violations and the report).</summary>
public static class InvariantNames
{
    public const string NoDuplicateEntry = "no-duplicate-entry";
    public const string ProtectedWithin = "protected-within-bound";
    public const string NoTradeRecordLost = "no-trade-record-lost";
    public const string NoAlertLost = "no-alert-lost";
    public const string NoAlertDuplicated = "no-alert-duplicated";
    public const string StartAnnounced = "start-alert-not-lost";
    public const string DailyLossLimit = "no-entry-after-daily-loss-limit";
    public const string ResumesAfterFault = "resumes-after-fault";
    public const string SqliteIntegrity = "sqlite-integrity";
    public const string SiloStaysUp = "silo-stays-up";
}
