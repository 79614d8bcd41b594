namespace TradingBot.Dashboard.Security;

/// <summary>
/// Per client address failed-login counter with exponential lockout: after
/// <see cref="DashboardOptions.MaxFailedLogins"/> failures the address is locked for
/// <see cref="DashboardOptions.FirstLockout"/>, doubling with each further failure. In memory: a
/// restart forgets it, which is acceptable for a single-operator dashboard behind a firewall.
/// </summary>
internal sealed class LoginThrottle(DashboardOptions options, DashboardClock clock)
{
    private const int MaxTrackedAddresses = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>When the address may try again; null when it may try now.</summary>
    public DateTimeOffset? LockedUntil(string address)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(address, out var entry) && entry.LockedUntil > clock.UtcNow ? entry.LockedUntil : null;
        }
    }

    /// <summary>Counts a failure; returns how many attempts remain before lockout (0 once locked).</summary>
    public int RecordFailure(string address)
    {
        lock (_gate)
        {
            var now = clock.UtcNow;
            if (!_entries.TryGetValue(address, out var entry))
            {
                Prune(now);
                entry = new Entry();
                _entries[address] = entry;
            }

            entry.Failures++;
            entry.LastFailure = now;
            var beyond = entry.Failures - options.MaxFailedLogins;
            if (beyond < 0)
            {
                return -beyond;
            }

            var lockout = TimeSpan.FromTicks(Math.Min(options.MaxLockout.Ticks, options.FirstLockout.Ticks * (1L << Math.Min(beyond, 20))));
            entry.LockedUntil = now + lockout;
            return 0;
        }
    }

    public void RecordSuccess(string address)
    {
        lock (_gate)
        {
            _entries.Remove(address);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (_entries.Count < MaxTrackedAddresses)
        {
            return;
        }

        foreach (var (key, entry) in _entries.ToArray())
        {
            if (entry.LockedUntil < now && now - entry.LastFailure > options.MaxLockout)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
