namespace TradingBot.Operations.Configuration;

/// <summary>One changed key. Values of secret-looking keys are masked.</summary>
/// <param name="OldValue">Null when the key was added.</param>
/// <param name="NewValue">Null when the key was removed.</param>
/// <param name="Reason">Why it falls in its class (which rule matched).</param>
public sealed record ConfigKeyChange(string Key, string? OldValue, string? NewValue, ConfigChangeClass Class, string Reason);

/// <summary>All changed keys between two configuration snapshots, ordered by key.</summary>
public sealed record ConfigChangeReport(IReadOnlyList<ConfigKeyChange> Changes)
{
    public IReadOnlyList<ConfigKeyChange> Live => [.. Changes.Where(c => c.Class == ConfigChangeClass.Live)];

    public IReadOnlyList<ConfigKeyChange> RestartRequired => [.. Changes.Where(c => c.Class == ConfigChangeClass.RestartRequired)];

    /// <summary>True when at least one change only takes effect after a restart.</summary>
    public bool RequiresRestart => Changes.Any(c => c.Class == ConfigChangeClass.RestartRequired);

    public bool HasChanges => Changes.Count > 0;
}
