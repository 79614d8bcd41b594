using System.Security.Cryptography;

namespace TradingBot.Exchange.Simulator.Venue;

/// <summary>listenKey registry: one active key per API key, valid 60 min after the last POST/PUT on the server clock.</summary>
internal sealed class ListenKeys(TimeSpan validity)
{
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);

    public string Create(string apiKey, DateTimeOffset now)
    {
        var active = _byKey.Values.FirstOrDefault(e => e.ApiKey == apiKey && !e.Expired);
        if (active is not null)
        {
            active.ExpiresAt = now + validity;
            return active.Key;
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _byKey[key] = new Entry(key, apiKey) { ExpiresAt = now + validity };
        return key;
    }

    /// <summary>Extends the caller's active key; false when it does not exist or expired (-1125).</summary>
    public bool KeepAlive(string apiKey, string? key, DateTimeOffset now, out string extended)
    {
        var entry = key is null
            ? _byKey.Values.FirstOrDefault(e => e.ApiKey == apiKey && !e.Expired)
            : _byKey.GetValueOrDefault(key);
        if (entry is null || entry.Expired || entry.ApiKey != apiKey || entry.ExpiresAt <= now)
        {
            extended = string.Empty;
            return false;
        }

        entry.ExpiresAt = now + validity;
        extended = entry.Key;
        return true;
    }

    public void Close(string apiKey, string? key)
    {
        foreach (var entry in _byKey.Values.Where(e => e.ApiKey == apiKey && (key is null || e.Key == key)))
        {
            entry.Expired = true;
        }
    }

    /// <summary>Marks keys past their expiry and returns them (for listenKeyExpired).</summary>
    public IReadOnlyList<string> Expire(DateTimeOffset now)
    {
        var expired = _byKey.Values.Where(e => !e.Expired && e.ExpiresAt <= now).ToArray();
        foreach (var entry in expired)
        {
            entry.Expired = true;
        }

        return expired.Select(e => e.Key).ToArray();
    }

    /// <summary>Marks every active key expired now (fault injection) and returns them.</summary>
    public IReadOnlyList<string> ExpireAll()
    {
        var expired = _byKey.Values.Where(e => !e.Expired).ToArray();
        foreach (var entry in expired)
        {
            entry.Expired = true;
        }

        return expired.Select(e => e.Key).ToArray();
    }

    public IEnumerable<string> ActiveKeys(string apiKey) =>
        _byKey.Values.Where(e => e.ApiKey == apiKey && !e.Expired).Select(e => e.Key);

    public bool IsActive(string key) => _byKey.TryGetValue(key, out var e) && !e.Expired;

    private sealed class Entry(string key, string apiKey)
    {
        public string Key { get; } = key;
        public string ApiKey { get; } = apiKey;
        public DateTimeOffset ExpiresAt { get; set; }
        public bool Expired { get; set; }
    }
}
