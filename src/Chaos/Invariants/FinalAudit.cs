using TradingBot.Chaos.Alerts;
using TradingBot.Chaos.Process;

namespace TradingBot.Chaos.Invariants;

/// <summary>
/// End-of-run checks over the silo's SQLite files against the exchange and the webhook: every closed position is a
/// journal trade with its closing alert, every alert in the outbox reached the webhook once (a second copy is only
/// allowed when a kill -9 fell between sending and recording the delivery), and the files are not corrupt.
/// </summary>
internal sealed class FinalAudit(string dataDirectory)
{
    private const string LateNoticeMarker = "\n⏱ 발생 시각: ";

    public string Journal => Path.Combine(dataDirectory, "trades.db");

    /// <summary>
    /// The alert outbox: its own alerts.db, or (when the silo commits alerts with journal records) the
    /// <c>alert_outbox</c> table inside trades.db.
    /// </summary>
    public string Outbox =>
        SqliteFiles.Count(Journal, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'alert_outbox'") is > 0
            ? Journal
            : Path.Combine(dataDirectory, "alerts.db");

    public string State => Path.Combine(dataDirectory, "state.db");

    public long JournalTrades() => SqliteFiles.Count(Journal, "SELECT COUNT(*) FROM trades") ?? 0;

    public long PendingAlerts() => SqliteFiles.Count(Outbox, "SELECT COUNT(*) FROM alert_outbox WHERE delivered_ms IS NULL") ?? 0;

    public long OutboxRows() => SqliteFiles.Count(Outbox, "SELECT COUNT(*) FROM alert_outbox") ?? 0;

    public (long Filled, long Failed) EntryIntents() => (
        SqliteFiles.Count(Journal, "SELECT COUNT(*) FROM orders WHERE purpose = 'Entry' AND status = 'FILLED'") ?? 0,
        SqliteFiles.Count(Journal, "SELECT COUNT(*) FROM orders WHERE purpose = 'Entry' AND status = 'FAILED'") ?? 0);

    /// <summary>Dead letters grouped by "payload type: first line of the error".</summary>
    public IReadOnlyDictionary<string, int> DeadLetters() =>
        SqliteFiles.Rows(State, "SELECT PayloadType, Error FROM DeadLetters")
            .GroupBy(r => $"{ShortType(r[0])}: {FirstLine(r[1])}")
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Exchange round trips vs journal trades.</summary>
    public IEnumerable<string> TradeRecordProblems(int exchangeRoundTrips)
    {
        var journal = JournalTrades();
        if (journal < exchangeRoundTrips)
        {
            yield return $"the exchange closed {exchangeRoundTrips} position(s) but the journal holds {journal} trade(s)";
        }
        else if (journal > exchangeRoundTrips)
        {
            yield return $"the journal holds {journal} trade(s) but the exchange closed only {exchangeRoundTrips} position(s)";
        }
    }

    /// <summary>Every journal trade has its opening and closing alert in the outbox (ids "{Kind}:{positionId}:opened" / ":closed").</summary>
    public IEnumerable<string> MissingTradeAlerts()
    {
        // The outbox id is "{Kind}:{alert id}"; drop the kind.
        var ids = SqliteFiles.Rows(Outbox, "SELECT id FROM alert_outbox")
            .Select(r => r[0]!)
            .Select(id => id.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? id[(colon + 1)..] : id)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var row in SqliteFiles.Rows(Journal, "SELECT position_id, symbol, exit_reason FROM trades"))
        {
            if (!ids.Contains(row[0] + ":closed"))
            {
                yield return $"trade {row[0]} ({row[1]}, {row[2]}) has no closing alert in the outbox";
            }

            if (!ids.Contains(row[0] + ":opened"))
            {
                yield return $"trade {row[0]} ({row[1]}) has no opening alert in the outbox";
            }
        }
    }

    /// <summary>Every silo life that finished its start-up announced it (alert ids "SystemStarted:started:…").</summary>
    public IEnumerable<string> MissingStartAlerts(int readyLives)
    {
        var started = SqliteFiles.Count(Outbox, "SELECT COUNT(*) FROM alert_outbox WHERE kind = 'SystemStarted'") ?? 0;
        if (started < readyLives)
        {
            yield return $"{readyLives} silo start(s) completed but the outbox holds {started} SystemStarted alert(s)";
        }
    }

    /// <summary>
    /// Outbox vs receiver. Returns (lost, unexplained duplicates, duplicates explained by a kill between the two sends).
    /// </summary>
    public (List<string> Lost, List<string> Duplicated, int RedeliveredAfterKill) CompareAlerts(IReadOnlyList<ReceivedAlert> received, IReadOnlyList<DateTimeOffset> kills)
    {
        var lost = new List<string>();
        var duplicated = new List<string>();
        var redelivered = 0;
        var byText = received.GroupBy(r => StripLateNotice(r.Content)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.At).ToList(), StringComparer.Ordinal);
        var rows = SqliteFiles.Rows(Outbox, "SELECT id, kind, text, delivered_ms FROM alert_outbox ORDER BY seq");
        foreach (var group in rows.GroupBy(r => Fit(r[2] ?? ""), StringComparer.Ordinal))
        {
            var expected = group.Count();
            var undelivered = group.Where(r => r[3] is null).Select(r => r[0]).ToArray();
            foreach (var id in undelivered)
            {
                lost.Add($"alert {id} never marked delivered");
            }

            var got = byText.TryGetValue(group.Key, out var receipts) ? receipts : [];
            if (got.Count < expected - undelivered.Length)
            {
                lost.Add($"alert {group.First()[0]} ({group.First()[1]}) marked delivered {expected - undelivered.Length}× but received {got.Count}×");
            }

            for (var extra = expected; extra < got.Count; extra++)
            {
                var previous = got[extra - 1].At;
                var again = got[extra].At;
                if (kills.Any(k => k >= previous && k <= again))
                {
                    redelivered++;
                }
                else
                {
                    duplicated.Add($"alert {group.First()[0]} ({group.First()[1]}) received {got.Count}× for {expected} outbox row(s) with no kill in between");
                }
            }
        }

        var known = rows.Select(r => Fit(r[2] ?? "")).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in byText.Keys.Where(t => !known.Contains(t)))
        {
            duplicated.Add($"webhook received a message that is not in the outbox: {Shorten(stray)}");
        }

        return (lost, duplicated, redelivered);
    }

    private static string StripLateNotice(string content)
    {
        var at = content.LastIndexOf(LateNoticeMarker, StringComparison.Ordinal);
        return Fit(at >= 0 && content.EndsWith("(지연 전송)", StringComparison.Ordinal) ? content[..at] : content);
    }

    // Discord's 2000-character cut: compare on a prefix both sides share.
    private static string Fit(string text) => text.Length > 1900 ? text[..1900] : text;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string ShortType(string? type) => type is null ? "?" : type[(type.LastIndexOf('.') + 1)..];

    private static string FirstLine(string? text) => text is null ? "" : Shorten(text.Split('\n')[0]);
}
