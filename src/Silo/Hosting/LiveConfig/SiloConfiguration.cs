using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace TradingBot.Silo.Hosting.LiveConfig;

/// <summary>
/// The configuration files: <c>appsettings.json</c> then <c>appsettings.{paper|testnet|mainnet}.json</c> from the
/// configuration directory, both watched for changes (reloadOnChange); environment variables and command-line
/// overrides win over both. A file that becomes unreadable while running is reported, not fatal: the values
/// in force stay (see <see cref="ConfigFileErrors"/>).
/// </summary>
internal static class SiloConfiguration
{
    /// <summary>Key (override or <c>TRADINGBOT_Silo__ConfigDirectory</c>) of the folder holding the appsettings files; default: next to the executable.</summary>
    public const string DirectoryKey = "Silo:ConfigDirectory";

    /// <summary>The folder holding appsettings*.json.</summary>
    public static string ResolveDirectory(IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var configured = overrides.TryGetValue(DirectoryKey, out var fromOverrides) && !string.IsNullOrWhiteSpace(fromOverrides)
            ? fromOverrides
            : Environment.GetEnvironmentVariable("TRADINGBOT_Silo__ConfigDirectory");
        return string.IsNullOrWhiteSpace(configured) ? AppContext.BaseDirectory : Path.GetFullPath(configured);
    }

    /// <summary>
    /// Replaces the JSON sources of <paramref name="configuration"/> (the host's default appsettings.json and
    /// appsettings.Production.json) with ours, at the same precedence, and adds <c>TRADINGBOT_</c> environment
    /// variables and <paramref name="overrides"/> on top.
    /// </summary>
    /// <exception cref="ConfigurationException">A file is not valid JSON at start-up.</exception>
    public static ConfigFileErrors Configure(ConfigurationManager configuration, string directory, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new ConfigFileErrors();
        var sources = configuration.Sources;
        var at = sources.ToList().FindIndex(s => s is JsonConfigurationSource);
        foreach (var json in sources.OfType<JsonConfigurationSource>().ToList())
        {
            sources.Remove(json);
        }

        at = at < 0 ? 0 : at;
        var provider = new PhysicalFileProvider(directory);
        try
        {
            sources.Insert(at, Json(provider, "appsettings.json", errors));
            configuration.AddEnvironmentVariables("TRADINGBOT_");
            configuration.AddInMemoryCollection(overrides);
            var mode = configuration["Silo:Mode"] ?? "paper";
            if (mode.All(char.IsAsciiLetterOrDigit))
            {
                sources.Insert(at + 1, Json(provider, $"appsettings.{mode}.json", errors));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ConfigurationException($"{ex.Message} {ex.InnerException?.Message}".Trim());
        }

        errors.Started = true;
        return errors;
    }

    /// <summary>The same files for a one-shot read (<c>trading-bot check</c>): no watching.</summary>
    /// <exception cref="ConfigurationException">A file is not valid JSON.</exception>
    public static IConfigurationRoot ReadOnce(IReadOnlyDictionary<string, string?> overrides)
    {
        var directory = ResolveDirectory(overrides);
        try
        {
            var first = new ConfigurationBuilder()
                .SetBasePath(directory)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables("TRADINGBOT_")
                .AddInMemoryCollection(overrides)
                .Build();
            var mode = first["Silo:Mode"] ?? "paper";
            var builder = new ConfigurationBuilder()
                .SetBasePath(directory)
                .AddJsonFile("appsettings.json", optional: true);
            if (mode.All(char.IsAsciiLetterOrDigit))
            {
                builder.AddJsonFile($"appsettings.{mode}.json", optional: true);
            }

            return builder.AddEnvironmentVariables("TRADINGBOT_").AddInMemoryCollection(overrides).Build();
        }
        catch (InvalidDataException ex)
        {
            throw new ConfigurationException($"{ex.Message} {ex.InnerException?.Message}".Trim());
        }
    }

    private static JsonConfigurationSource Json(IFileProvider provider, string path, ConfigFileErrors errors) => new()
    {
        FileProvider = provider,
        Path = path,
        Optional = true,
        ReloadOnChange = true,
        // A half-written or broken file while running must not crash the process (the loader throws on the
        // watcher's thread otherwise); start-up still fails on it.
        OnLoadException = context =>
        {
            if (errors.Started)
            {
                errors.Record(path, context.Exception);
                context.Ignore = true;
            }
        },
    };
}

/// <summary>Load failures of the watched files since the last look (the loader clears a file's values when it fails).</summary>
internal sealed class ConfigFileErrors
{
    private readonly Lock _gate = new();
    private readonly List<string> _errors = [];

    /// <summary>Set once start-up loading is done; failures before that stop start-up instead.</summary>
    public bool Started { get; set; }

    public void Record(string path, Exception exception)
    {
        lock (_gate)
        {
            _errors.Add($"{path}: {exception.Message} {exception.InnerException?.Message}".Trim());
        }
    }

    /// <summary>The failures recorded since the last call.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_gate)
        {
            var taken = _errors.ToList();
            _errors.Clear();
            return taken;
        }
    }
}
