namespace TradingBot.Chaos.Faults;

/// <summary>How often faults happen: a per-step probability and relative weights per kind.</summary>
public sealed record FaultProfile
{
    /// <summary>Probability that a fault is injected at a given market step (each step is <see cref="ChaosOptions.Step"/>).</summary>
    public double PerStep { get; init; } = 0.02;

    /// <summary>Relative weight per kind; kinds not listed are never chosen.</summary>
    public IReadOnlyDictionary<FaultKind, double> Weights { get; init; } =
        Enum.GetValues<FaultKind>().ToDictionary(k => k, k => k == FaultKind.KillAtRandom ? 0.5 : 1.0);

    /// <summary>How many steps a window fault (skew, duplicates, reordering, webhook outage) lasts, at least.</summary>
    public int MinWindowSteps { get; init; } = 10;

    /// <summary>How many steps a window fault lasts, at most.</summary>
    public int MaxWindowSteps { get; init; } = 60;

    /// <summary>Probability of a duplicated / reordered user event while such a window is open.</summary>
    public double EventFaultProbability { get; init; } = 0.3;

    /// <summary>Probability that the webhook answers 429 outside outages.</summary>
    public double WebhookRateLimitProbability { get; init; } = 0.05;

    /// <summary>Probability that the webhook answers 500 outside outages.</summary>
    public double WebhookErrorProbability { get; init; } = 0.05;

    /// <summary>True: the first fault decisions go through every kind once (seeded order), so short runs cover all kinds.</summary>
    public bool CoverEveryKind { get; init; }

    /// <summary>The soak/CLI default: about one fault every 50 market minutes.</summary>
    public static FaultProfile Default { get; } = new() { CoverEveryKind = true };

    /// <summary>Dense faults for short CI runs: every kind shows up within a few market hours.</summary>
    public static FaultProfile Dense { get; } = new() { PerStep = 0.06, MinWindowSteps = 5, MaxWindowSteps = 20, CoverEveryKind = true };
}
