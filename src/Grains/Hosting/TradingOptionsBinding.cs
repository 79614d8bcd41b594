using Microsoft.Extensions.Configuration;

namespace TradingBot.Grains.Hosting;

/// <summary>
/// Binds <see cref="TradingOptions"/> so that a configured list replaces its default instead of being
/// appended to it: the configuration binder keeps an array property's initial elements and adds the
/// configured ones, which turned <c>Symbols: [BTCUSDT, ETHUSDT]</c> into four symbols.
/// </summary>
public static class TradingOptionsBinding
{
    /// <summary>Reads the <c>Trading</c> section of <paramref name="configuration"/> (defaults when it is absent).</summary>
    /// <exception cref="InvalidOperationException">A value cannot be converted to its property's type.</exception>
    public static TradingOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TradingOptions.Section);
        var options = section.Get<TradingOptions>() ?? new TradingOptions();
        ReplaceLists(options, section);
        return options;
    }

    /// <summary>Overwrites every list property that <paramref name="section"/> configures with exactly the configured items.</summary>
    public static void ReplaceLists(TradingOptions options, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(section);
        options.Symbols = Configured<string>(section, nameof(TradingOptions.Symbols)) ?? options.Symbols;
        options.Strategies = Configured<string>(section, nameof(TradingOptions.Strategies)) ?? options.Strategies;
        options.OrderRetryDelays = Configured<TimeSpan>(section, nameof(TradingOptions.OrderRetryDelays)) ?? options.OrderRetryDelays;
    }

    private static T[]? Configured<T>(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        return list.Exists() ? list.Get<T[]>() ?? [] : null;
    }
}
