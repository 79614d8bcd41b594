using TradingBot.Chaos.Faults;
using TradingBot.Chaos.Invariants;

namespace TradingBot.Chaos.Report;

/// <summary>The outcome of a chaos run: what was injected, what the bot did, and every invariant violation.</summary>
public sealed record ChaosReport
{
    public required int Seed { get; init; }

    public required double Days { get; init; }

    public required long Steps { get; init; }

    public required DateTimeOffset MarketStart { get; init; }

    public required DateTimeOffset MarketEnd { get; init; }

    public required TimeSpan WallTime { get; init; }

    /// <summary>Faults decided by the seeded schedule (kills: armed), per kind.</summary>
    public required IReadOnlyDictionary<FaultKind, int> FaultsScheduled { get; init; }

    /// <summary>Faults that actually hit the bot (simulator knob statistics, kills carried out), by name.</summary>
    public required IReadOnlyDictionary<string, long> FaultsFired { get; init; }

    /// <summary>Silo restarts after kill -9.</summary>
    public required int Restarts { get; init; }

    public required IReadOnlyList<InvariantViolation> Violations { get; init; }

    /// <summary>Real seconds from each stream drop / listen-key expiry to the bot being subscribed again.</summary>
    public required IReadOnlyList<double> ReconnectSeconds { get; init; }

    /// <summary>Real seconds from each restart to the silo being reconciled with both streams subscribed.</summary>
    public required IReadOnlyList<double> RestartSeconds { get; init; }

    /// <summary>Order placements (regular + algo) that reached the simulator, retries included.</summary>
    public required long OrderRequests { get; init; }

    /// <summary>Of <see cref="OrderRequests"/>, those the exchange executed.</summary>
    public required long OrdersAccepted { get; init; }

    /// <summary>Entry intents in the journal that ended filled / failed.</summary>
    public required long EntryIntentsFilled { get; init; }

    public required long EntryIntentsFailed { get; init; }

    /// <summary>Real milliseconds from a candle closing on the simulator to the silo's health showing it (per step).</summary>
    public required IReadOnlyList<double> CandleLatencyMs { get; init; }

    public required IReadOnlyList<MemorySample> Memory { get; init; }

    /// <summary>RSS growth of the longest silo life after warm-up, in percent (null when too few samples).</summary>
    public required double? MemoryGrowthPercent { get; init; }

    /// <summary>Grain calls that threw / grain calls, from the silo's cluster metrics (null when not observable).</summary>
    public required double? HandlerErrorRate { get; init; }

    /// <summary>Dead letters in state.db at the end, grouped "payload type: error" → count.</summary>
    public required IReadOnlyDictionary<string, int> DeadLetters { get; init; }

    public required int ExchangeRoundTrips { get; init; }

    public required long JournalTrades { get; init; }

    public required int FilledEntries { get; init; }

    public required int DailyLimitDays { get; init; }

    /// <summary>Entries filled in the same step as the stop-out that crossed the daily limit (a race; not a violation).</summary>
    public required int EntriesRacingDailyLimit { get; init; }

    public required long AlertsInOutbox { get; init; }

    public required int AlertsReceived { get; init; }

    /// <summary>Alerts the webhook received twice because the silo was killed between sending and recording the delivery (at-least-once).</summary>
    public required int AlertsRedeliveredAfterKill { get; init; }

    /// <summary>Longest time an open position was seen without stop and target, in simulated time.</summary>
    public required TimeSpan MaxUnprotected { get; init; }

    public bool Passed => Violations.Count == 0;

    public double OrderSuccessRate => OrderRequests == 0 ? 1 : (double)OrdersAccepted / OrderRequests;

    public double MaxReconnectSeconds => ReconnectSeconds.Count == 0 ? 0 : ReconnectSeconds.Max();

    /// <summary>The report as a text table.</summary>
    public override string ToString() => ReportTable.Render(this);
}
