namespace TradingBot.Chaos.Faults;

/// <summary>
/// The seeded decision of what to inject at each step. All randomness of a run that does not depend on the bot's
/// timing comes from here, so the same seed gives the same schedule of decisions.
/// </summary>
internal sealed class FaultSchedule(int seed, FaultProfile profile)
{
    private readonly Random _random = new(seed);
    private readonly (FaultKind Kind, double Weight)[] _kinds = profile.Weights.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray();
    private Queue<FaultKind>? _cover;

    /// <summary>The fault to inject at this step, or null.</summary>
    public FaultKind? Next()
    {
        if (_kinds.Length == 0 || _random.NextDouble() >= profile.PerStep)
        {
            return null;
        }

        if (profile.CoverEveryKind)
        {
            // Every kind once, in a seeded order, before the weighted draw takes over.
            _cover ??= new Queue<FaultKind>(_kinds.Select(k => k.Kind).OrderBy(_ => _random.Next()).ToArray());
            if (_cover.TryDequeue(out var next))
            {
                return next;
            }
        }

        var total = _kinds.Sum(k => k.Weight);
        var pick = _random.NextDouble() * total;
        foreach (var (kind, weight) in _kinds)
        {
            pick -= weight;
            if (pick < 0)
            {
                return kind;
            }
        }

        return _kinds[^1].Kind;
    }

    /// <summary>Uniform integer in [min, max].</summary>
    public int Between(int min, int max) => _random.Next(min, max + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => _random.NextDouble() < p;
}
