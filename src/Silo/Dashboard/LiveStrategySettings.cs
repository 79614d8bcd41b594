using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TradingBot.Grains.Hosting;

namespace TradingBot.Silo.Dashboard;

/// <summary>Strategy values changed from the dashboard (PRD §5.6.3 "operational parameters").</summary>
/// <param name="StopTolerance">Stop-loss buffer as a fraction (0.002 = 0.2 %).</param>
/// <param name="TakeProfitAdjustment">Scale of the entry-to-liquidity distance (1 = at the level).</param>
internal sealed record StrategyOverride(decimal StopTolerance, decimal TakeProfitAdjustment);

/// <summary>
/// Live override of <see cref="TradingOptions.Strategy"/>. The StrategyGrains read
/// <c>IOptionsMonitor&lt;TradingOptions&gt;.CurrentValue.Strategy</c> at every bar; this post-configures
/// that value and fires a change token, so the monitor rebuilds it and the next bar uses the new values
/// without touching the grains. The override is kept in a small JSON file so a restart keeps it.
/// </summary>
internal sealed class LiveStrategySettings : IPostConfigureOptions<TradingOptions>, IOptionsChangeTokenSource<TradingOptions>
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private StrategyOverride? _override;
    private ConfigurationReloadToken _token = new();

    public LiveStrategySettings(string path)
    {
        _path = path;
        _override = Load(path);
    }

    public string? Name => Options.DefaultName;

    /// <summary>The override in force, null when configuration applies unchanged.</summary>
    public StrategyOverride? Current
    {
        get
        {
            lock (_gate)
            {
                return _override;
            }
        }
    }

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return _token;
        }
    }

    public void PostConfigure(string? name, TradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == Options.DefaultName && Current is { } o)
        {
            options.Strategy = options.Strategy with { StopTolerance = o.StopTolerance, TakeProfitAdjustment = o.TakeProfitAdjustment };
        }
    }

    /// <summary>Stores the override and tells every options monitor to recompute.</summary>
    public void Set(StrategyOverride value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ConfigurationReloadToken previous;
        lock (_gate)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(_path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(_path, JsonSerializer.Serialize(value));
            _override = value;
            previous = _token;
            _token = new ConfigurationReloadToken();
        }

        previous.OnReload();
    }

    private static StrategyOverride? Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<StrategyOverride>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            // A damaged file must not stop the bot: configuration applies until the operator saves again.
            return null;
        }
    }
}
