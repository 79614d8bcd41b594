using Microsoft.Extensions.Configuration;
using TradingBot.Operations.Secrets;

namespace TradingBot.Operations.Configuration;

/// <summary>
/// PRD §5.6.3: tells which changed keys apply live (operational parameters) and which need a restart (strategy
/// selection, symbols, timeframes, ICT indicator settings, host settings). Keys matching neither list need a
/// restart too: assuming "live" for a key nobody reads live would silently ignore the change.
/// </summary>
public sealed class ConfigChangeClassifier
{
    /// <summary>Sections and keys that need a restart by default.</summary>
    public static IReadOnlyList<string> DefaultRestartPrefixes { get; } =
    [
        "Trading:Strategies", "Trading:Symbols", "Trading:Timeframes",
        "Strategies", "Symbols", "Timeframes", "Ict", "Indicators", "Silo", "Exchange", "Dashboard", "Alerts",
    ];

    private readonly HashSet<string> _liveKeys;
    private readonly string[] _restartPrefixes;
    private readonly string[] _ignoredPrefixes;

    /// <param name="liveKeys">Exact keys the host applies while running (the silo passes its operational parameters).</param>
    /// <param name="restartPrefixes">Keys or sections (prefix + <c>:</c>) that need a restart; default <see cref="DefaultRestartPrefixes"/>.</param>
    /// <param name="ignoredPrefixes">Keys or sections not reported as restart-needing (e.g. <c>Logging</c>); default none.</param>
    public ConfigChangeClassifier(
        IEnumerable<string> liveKeys,
        IEnumerable<string>? restartPrefixes = null,
        IEnumerable<string>? ignoredPrefixes = null)
    {
        ArgumentNullException.ThrowIfNull(liveKeys);
        _liveKeys = new HashSet<string>(liveKeys, StringComparer.OrdinalIgnoreCase);
        _restartPrefixes = [.. restartPrefixes ?? DefaultRestartPrefixes];
        _ignoredPrefixes = [.. ignoredPrefixes ?? []];
    }

    public ConfigChangeReport Classify(IConfiguration before, IConfiguration after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Classify(Flatten(before), Flatten(after));
    }

    public ConfigChangeReport Classify(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var oldValues = Normalize(before);
        var newValues = Normalize(after);
        var changes = new List<ConfigKeyChange>();
        foreach (var key in oldValues.Keys.Union(newValues.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            oldValues.TryGetValue(key, out var oldValue);
            newValues.TryGetValue(key, out var newValue);
            if (string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                continue;
            }

            var (changeClass, reason) = ClassOf(key);
            var secret = SecretRedactor.IsSecretName(key);
            changes.Add(new ConfigKeyChange(
                key,
                secret && oldValue is not null ? SecretRedactor.Mask : oldValue,
                secret && newValue is not null ? SecretRedactor.Mask : newValue,
                changeClass,
                reason));
        }

        return new ConfigChangeReport(changes);
    }

    private static Dictionary<string, string> Normalize(IReadOnlyDictionary<string, string?> values)
    {
        var normalized = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                normalized[key] = value;
            }
        }

        return normalized;
    }

    private static Dictionary<string, string?> Flatten(IConfiguration configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null)
            {
                values[key] = value;
            }
        }

        return values;
    }

    private static bool Matches(string key, string prefix) =>
        key.Equals(prefix, StringComparison.OrdinalIgnoreCase) ||
        (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && key[prefix.Length] == ':');

    private (ConfigChangeClass Class, string Reason) ClassOf(string key)
    {
        if (_liveKeys.Contains(key))
        {
            return (ConfigChangeClass.Live, "operational parameter");
        }

        if (_ignoredPrefixes.FirstOrDefault(p => Matches(key, p)) is { } ignored)
        {
            return (ConfigChangeClass.Ignored, "ignored: " + ignored);
        }

        if (_restartPrefixes.FirstOrDefault(p => Matches(key, p)) is { } core)
        {
            return (ConfigChangeClass.RestartRequired, "core parameter: " + core);
        }

        return (ConfigChangeClass.RestartRequired, "not an operational parameter");
    }
}
