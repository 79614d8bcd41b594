using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingBot.Grains.Hosting;

namespace TradingBot.Grains.Tests.Hosting;

/// <summary>
/// The configuration binder keeps an array property's initial elements and appends the configured ones,
/// so configured lists must replace the defaults, not add to them.
/// </summary>
public sealed class TradingOptionsBindingTests
{
    [Fact]
    public void Configured_symbols_replace_the_defaults()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Trading:Symbols:0"] = "BTCUSDT",
            ["Trading:Symbols:1"] = "ETHUSDT",
        });

        options.Symbols.Should().Equal("BTCUSDT", "ETHUSDT");
    }

    [Fact]
    public void Configured_strategies_and_retry_delays_replace_the_defaults()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Trading:Strategies:0"] = "B",
            ["Trading:OrderRetryDelays:0"] = "00:00:03",
        });

        options.Strategies.Should().Equal("B");
        options.OrderRetryDelays.Should().Equal(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Unconfigured_lists_keep_the_defaults()
    {
        var options = Bind([]);

        options.Symbols.Should().Equal("BTCUSDT", "ETHUSDT");
        options.Strategies.Should().Equal("A", "B", "C");
        options.OrderRetryDelays.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
    }

    private static TradingOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var section = configuration.GetSection(TradingOptions.Section);
        var services = new ServiceCollection();
        services.AddOptions<TradingOptions>().Bind(section).PostConfigure(o => TradingOptionsBinding.ReplaceLists(o, section));
        using var provider = services.BuildServiceProvider();
        var viaOptions = provider.GetRequiredService<IOptions<TradingOptions>>().Value;
        var direct = TradingOptionsBinding.Read(configuration);
        direct.Symbols.Should().Equal(viaOptions.Symbols, "both ways of binding agree");
        direct.Strategies.Should().Equal(viaOptions.Strategies);
        return viaOptions;
    }
}
