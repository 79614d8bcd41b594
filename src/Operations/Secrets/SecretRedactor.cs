using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TradingBot.Operations.Secrets;

/// <summary>
/// Replaces secrets in text with <see cref="Mask"/>: every value registered at startup (API key and secret,
/// webhook URL, password hash, listen keys as they are issued) plus patterns that catch secrets we were never told
/// about: <c>signature=&lt;hex&gt;</c> in signed Binance URLs, <c>key=value</c> pairs whose key names a secret,
/// Discord webhook tokens, Binance user-stream listen keys in WebSocket paths and bearer tokens.
/// Thread-safe; shared by logging, alerts and the dashboard.
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Registered values shorter than this are ignored (masking "1" everywhere would destroy logs).</summary>
    public const int MinimumSecretLength = 6;

    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private volatile string[] _knownLongestFirst = [];

    /// <summary>A redactor with patterns only (no registered values).</summary>
    public static SecretRedactor Empty { get; } = new();

    /// <summary>Environment variables whose values are always secrets.</summary>
    public static IReadOnlyList<string> SecretEnvironmentVariables { get; } =
    [
        "BINANCE_API_KEY",
        "BINANCE_API_SECRET",
        "BINANCE_TESTNET_API_KEY",
        "BINANCE_TESTNET_API_SECRET",
        "DISCORD_WEBHOOK_URL",
        "DASHBOARD_PASSWORD",
        "DASHBOARD_PASSWORD_HASH",
        "DASHBOARD_JWT_SECRET",
    ];

    /// <summary>
    /// A redactor knowing the values of <see cref="SecretEnvironmentVariables"/> (read through
    /// <paramref name="environment"/>, default: the process environment, which includes a loaded <c>.env</c>).
    /// </summary>
    public static SecretRedactor FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var redactor = new SecretRedactor();
        foreach (var name in SecretEnvironmentVariables)
        {
            redactor.Register(environment(name));
        }

        return redactor;
    }

    /// <summary>True when a property or configuration key name says its value is a secret (e.g. <c>ApiSecret</c>, <c>WebhookUrl</c>).</summary>
    public static bool IsSecretName(string name) => !string.IsNullOrEmpty(name) && SecretName().IsMatch(name);

    /// <summary>Adds a value to mask wherever it appears (ignored when null or shorter than <see cref="MinimumSecretLength"/>).</summary>
    public void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        secret = secret.Trim();
        if (secret.Length < MinimumSecretLength || !_known.TryAdd(secret, 0))
        {
            return;
        }

        // Longest first so that a secret containing another one is masked whole.
        _knownLongestFirst = [.. _known.Keys.OrderByDescending(k => k.Length)];
    }

    /// <summary>Returns <paramref name="text"/> with every known secret and secret-looking pattern masked.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in _knownLongestFirst)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        text = DiscordWebhook().Replace(text, "${prefix}" + Mask);
        text = ListenKeyPath().Replace(text, "${prefix}" + Mask);
        text = Bearer().Replace(text, "${prefix}" + Mask);
        text = SecretAssignment().Replace(text, "${prefix}" + Mask);
        return text;
    }

    /// <summary>True when <see cref="Redact"/> would change the text.</summary>
    public bool ContainsSecret(string? text) => !string.IsNullOrEmpty(text) && !string.Equals(Redact(text), text, StringComparison.Ordinal);

    [GeneratedRegex(
        @"api[-_.]?key|secret|passw(or)?d|pwd|signature|listen[-_.]?key|webhook|token|credential|private[-_.]?key|mbx[-_.]apikey",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    // key=value, key: value, "key":"value" where the key names a secret; value ends at a delimiter.
    [GeneratedRegex(
        """(?<prefix>(?:api[-_.]?key|secret|passw(?:or)?d|pwd|signature|listen[-_.]?key|token|credential)[\w\-]*["']?\s*[:=]\s*["']?)(?!\*\*\*)[^\s"'&,;}\]\)]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(
        @"(?<prefix>https?://(?:[\w-]+\.)?discord(?:app)?\.com/api/(?:v\d+/)?webhooks/)[^\s""'<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiscordWebhook();

    // Binance user data stream: wss://fstream.binance.com/ws/<listenKey> (60 alphanumerics).
    [GeneratedRegex(@"(?<prefix>/(?:ws|stream)/)[A-Za-z0-9]{32,}", RegexOptions.CultureInvariant)]
    private static partial Regex ListenKeyPath();

    [GeneratedRegex(@"(?<prefix>\bBearer\s+)[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bearer();
}
