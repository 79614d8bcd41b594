using Microsoft.Data.Sqlite;

namespace TradingBot.Operations.Alerts.Outbox;

/// <summary>
/// Earlier versions kept the outbox in its own <c>alerts.db</c>; the silo now keeps it in the trade journal's file.
/// At start-up the alerts still pending there move into the current outbox (same ids, texts and times, so one
/// delivered meanwhile is not sent twice), and the old file is renamed so it is read only once.
/// </summary>
public static class LegacyOutboxMigration
{
    /// <summary>Suffix of the renamed old file.</summary>
    public const string MigratedSuffix = ".migrated";

    /// <summary>Moves pending alerts from <paramref name="legacyPath"/> into <paramref name="target"/>.</summary>
    /// <returns>What happened, for the log; null when there was nothing to do.</returns>
    /// <remarks>
    /// An unreadable old file is left where it is, untouched, and reported in the result; start-up goes on.
    /// </remarks>
    public static string? Run(string legacyPath, AlertOutbox target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legacyPath);
        ArgumentNullException.ThrowIfNull(target);
        var legacy = Path.GetFullPath(legacyPath);
        if (!File.Exists(legacy) || string.Equals(legacy, target.DatabasePath, StringComparison.Ordinal))
        {
            return null;
        }

        int moved;
        try
        {
            var pending = new AlertOutbox(legacy).ReadAll().Where(e => e.DeliveredUtc is null).ToList();
            moved = pending.Count(e => target.Enqueue(e.Alert));
            SqliteConnection.ClearAllPools();
            var destination = legacy + MigratedSuffix;
            File.Move(legacy, destination, overwrite: true);
            foreach (var sidecar in new[] { "-wal", "-shm" })
            {
                if (File.Exists(legacy + sidecar))
                {
                    File.Move(legacy + sidecar, destination + sidecar, overwrite: true);
                }
            }

            return $"{moved} pending alert(s) moved from {legacy} into the outbox in {target.DatabasePath} ({pending.Count - moved} already there); the old file is now {destination}";
        }
        catch (Exception e) when (e is InvalidOperationException or SqliteException or IOException or UnauthorizedAccessException)
        {
            return $"alerts pending in {legacy} could not be moved ({e.Message}); the file was left as it is";
        }
    }
}
