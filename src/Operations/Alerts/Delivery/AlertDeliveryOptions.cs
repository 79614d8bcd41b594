namespace TradingBot.Operations.Alerts.Delivery;

/// <summary>
/// Configuration section <c>Alerts</c>. The webhook URL is a secret: put it in <c>.env</c> as
/// <c>DISCORD_WEBHOOK_URL</c> (it overrides <c>Alerts:DiscordWebhookUrl</c>). Without one, alerts are logged only.
/// </summary>
public sealed class AlertDeliveryOptions
{
    public const string Section = "Alerts";

    /// <summary>Discord webhook URL; null or empty = log alerts instead of sending them.</summary>
    public string? DiscordWebhookUrl { get; set; }

    /// <summary>Per-kind switch, e.g. <c>Alerts:Kinds:WebSocketReconnected = false</c>. Kinds not listed are on.</summary>
    public Dictionary<string, bool> Kinds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>First retry delay after a 5xx or network error; doubles per failure.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Backoff cap (also the retry interval while Discord is unreachable for long).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the queue is looked at without a wake-up (covers inserts committed in other transactions).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-request timeout of the webhook POST.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>An alert sent later than this after its event gets a line saying when it happened.</summary>
    public TimeSpan LateNoticeAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delivered rows older than this are deleted at start-up.</summary>
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromDays(30);

    /// <summary>True unless <see cref="Kinds"/> switches the kind off.</summary>
    public bool IsEnabled(AlertKind kind)
    {
        // Case-insensitive whatever dictionary the configuration binder supplied.
        foreach (var (name, enabled) in Kinds)
        {
            if (string.Equals(name, kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return enabled;
            }
        }

        return true;
    }

    /// <summary>True when a webhook URL is configured.</summary>
    public bool HasWebhook => !string.IsNullOrWhiteSpace(DiscordWebhookUrl);

    /// <summary>Configuration errors (bad URL, non-positive intervals, unknown kinds); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HasWebhook)
        {
            if (!Uri.TryCreate(DiscordWebhookUrl, UriKind.Absolute, out var uri) ||
                !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                // The URL itself is a secret: never echo it.
                errors.Add("DISCORD_WEBHOOK_URL is not an https:// URL (http is accepted for loopback test receivers only).");
            }
        }

        foreach (var kind in Kinds.Keys)
        {
            if (!Enum.TryParse<AlertKind>(kind, ignoreCase: true, out _))
            {
                errors.Add($"{Section}:Kinds:{kind} is not an alert kind; known kinds: {string.Join(", ", Enum.GetNames<AlertKind>())}.");
            }
        }

        RequirePositive(errors, nameof(InitialBackoff), InitialBackoff);
        RequirePositive(errors, nameof(MaxBackoff), MaxBackoff);
        RequirePositive(errors, nameof(PollInterval), PollInterval);
        RequirePositive(errors, nameof(RequestTimeout), RequestTimeout);
        return errors;
    }

    private static void RequirePositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{name} = {value} must be positive.");
        }
    }
}
