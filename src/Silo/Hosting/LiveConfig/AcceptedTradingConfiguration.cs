using Microsoft.Extensions.Configuration;

namespace TradingBot.Silo.Hosting.LiveConfig;

/// <summary>
/// The <c>Trading</c> values the grains see (<c>IOptionsMonitor&lt;TradingOptions&gt;</c> binds to <see cref="Root"/>,
/// not to the files). It starts as a copy of the files' values and only changes when
/// <see cref="LiveConfigurationWatcher"/> accepts a change of operational keys, so a bad value or a core key
/// (symbols, strategies, …) edited in a file never reaches a running grain.
/// </summary>
internal sealed class AcceptedTradingConfiguration
{
    private readonly SnapshotProvider _provider;

    public AcceptedTradingConfiguration(IConfiguration files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _provider = new SnapshotProvider(Section(files));
        Root = new ConfigurationBuilder().Add(new SnapshotSource(_provider)).Build();
    }

    /// <summary>Bind the trading options to this.</summary>
    public IConfigurationRoot Root { get; }

    /// <summary>Copies <paramref name="values"/> (full <c>Trading:…</c> keys; null removes) into the accepted set and fires a reload.</summary>
    public void Apply(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _provider.Merge(values);
    }

    /// <summary>The <c>Trading</c> section of <paramref name="configuration"/>, flattened.</summary>
    public static Dictionary<string, string?> Section(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.GetSection("Trading").AsEnumerable())
        {
            if (value is not null)
            {
                values[key] = value;
            }
        }

        return values;
    }

    private sealed class SnapshotSource(SnapshotProvider provider) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
    }

    private sealed class SnapshotProvider : ConfigurationProvider
    {
        private readonly Dictionary<string, string?> _initial;

        public SnapshotProvider(Dictionary<string, string?> initial) => _initial = initial;

        public override void Load() => Data = new Dictionary<string, string?>(_initial, StringComparer.OrdinalIgnoreCase);

        public void Merge(IReadOnlyDictionary<string, string?> values)
        {
            var next = new Dictionary<string, string?>(Data, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in values)
            {
                if (value is null)
                {
                    next.Remove(key);
                }
                else
                {
                    next[key] = value;
                }
            }

            Data = next;
            OnReload();
        }
    }
}
