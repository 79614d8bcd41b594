using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingBot.Contracts.Grains;
using TradingBot.Grains.Hosting;
using TradingBot.Silo.Dashboard;
using TradingBot.Trading.Strategies;

namespace TradingBot.Silo.BrowserTests.Ports;

public sealed class OperationalParametersTests
{
    private static readonly RiskParameters s_risk = new(0.02m, 5, 0.06m, false, 1.5m, 1);

    [Fact]
    public void Percent_parameters_are_shown_in_percent_and_stored_as_fractions()
    {
        var described = OperationalParameters.Describe(s_risk, new StrategySettings());
        described.Single(p => p.Key == OperationalParameters.StopLossTolerance).Value.Should().Be(0.2m);
        described.Single(p => p.Key == OperationalParameters.RiskPerTrade).Value.Should().Be(2m);

        var (risk, strategy, errors) = OperationalParameters.Merge(
            new Dictionary<string, decimal> { [OperationalParameters.StopLossTolerance] = 0.25m, [OperationalParameters.RiskPerTrade] = 1.5m, [OperationalParameters.Leverage] = 3m },
            s_risk, new StrategySettings());

        errors.Should().BeEmpty();
        strategy.StopTolerance.Should().Be(0.0025m);
        strategy.TakeProfitAdjustment.Should().Be(1.0m);
        risk.Should().Be(s_risk with { RiskPerTrade = 0.015m, Leverage = 3 });
    }

    [Fact]
    public void Rules_across_parameters_and_ranges_are_refused_with_the_key_and_range()
    {
        var (_, _, errors) = OperationalParameters.Merge(
            new Dictionary<string, decimal> { [OperationalParameters.RiskPerTrade] = 5m, [OperationalParameters.DailyLossLimit] = 4m }, s_risk, new StrategySettings());
        errors.Should().ContainSingle().Which.Key.Should().Be(OperationalParameters.RiskPerTrade);

        var (_, _, range) = OperationalParameters.Merge(new Dictionary<string, decimal> { [OperationalParameters.StopLossTolerance] = 0.5m, [OperationalParameters.Leverage] = 2.5m }, s_risk, new StrategySettings());
        range.Select(e => e.Key).Should().BeEquivalentTo([OperationalParameters.StopLossTolerance, OperationalParameters.Leverage]);
        range.Single(e => e.Key == OperationalParameters.StopLossTolerance).Message.Should().Be("stopLossTolerancePercent must be between 0.1 and 0.3 %");
    }

    [Fact]
    public void A_live_strategy_override_reaches_the_options_monitor_and_survives_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"strategy-{Guid.NewGuid():N}.json");
        try
        {
            using (var provider = Provider(path))
            {
                var monitor = provider.GetRequiredService<IOptionsMonitor<TradingOptions>>();
                monitor.CurrentValue.Strategy.StopTolerance.Should().Be(0.002m);
                provider.GetRequiredService<LiveStrategySettings>().Set(new StrategyOverride(0.003m, 0.9m));
                monitor.CurrentValue.Strategy.StopTolerance.Should().Be(0.003m);
                monitor.CurrentValue.Strategy.TakeProfitAdjustment.Should().Be(0.9m);
                monitor.CurrentValue.Symbols.Should().Contain("SOLUSDT", "configuration is still bound under the override");
            }

            using var restarted = Provider(path);
            restarted.GetRequiredService<IOptionsMonitor<TradingOptions>>().CurrentValue.Strategy.StopTolerance.Should().Be(0.003m);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_override_file_falls_back_to_configuration()
    {
        var path = Path.Combine(Path.GetTempPath(), $"strategy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ not json");
        try
        {
            new LiveStrategySettings(path).Current.Should().BeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ServiceProvider Provider(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Trading:Symbols:0"] = "SOLUSDT" }).Build();
        var services = new ServiceCollection();
        services.AddOptions<TradingOptions>().Bind(configuration.GetSection(TradingOptions.Section));
        var settings = new LiveStrategySettings(path);
        services.AddSingleton(settings);
        services.AddSingleton<IPostConfigureOptions<TradingOptions>>(settings);
        services.AddSingleton<IOptionsChangeTokenSource<TradingOptions>>(settings);
        return services.BuildServiceProvider();
    }
}
