namespace TradingBot.Operations.Alerts.Outbox;

/// <summary>Initializes the bundled native SQLite once per process (Microsoft.Data.Sqlite.Core needs it).</summary>
internal static class SqliteBootstrap
{
    private static readonly Lazy<bool> s_initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    public static void EnsureInitialized() => _ = s_initialized.Value;
}
