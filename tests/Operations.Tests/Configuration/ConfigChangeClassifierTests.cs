using Microsoft.Extensions.Configuration;
using TradingBot.Operations.Configuration;

namespace TradingBot.Operations.Tests.Configuration;

public sealed class ConfigChangeClassifierTests
{
    private static readonly ConfigChangeClassifier s_classifier = new(["Trading:Risk:RiskPerTrade", "Trading:Risk:Leverage", "Trading:Risk:DailyLossLimit"]);

    private static readonly Dictionary<string, string?> s_base = new()
    {
        ["Trading:Risk:RiskPerTrade"] = "0.02",
        ["Trading:Risk:Leverage"] = "5",
        ["Trading:Symbols:0"] = "BTCUSDT",
        ["Trading:Symbols:1"] = "ETHUSDT",
        ["Trading:Strategies:0"] = "A",
        ["Ict:FvgMinGapPercent"] = "0.05",
        ["Silo:Urls"] = "http://127.0.0.1:5080",
        ["Logging:Level"] = "Information",
    };

    [Fact]
    public void Operational_changes_are_live()
    {
        var report = s_classifier.Classify(s_base, With(("Trading:Risk:RiskPerTrade", "0.015"), ("trading:risk:leverage", "3")));

        report.RequiresRestart.Should().BeFalse();
        report.Live.Select(c => (c.Key, c.OldValue, c.NewValue)).Should().Equal(
            ("Trading:Risk:Leverage", "5", "3"),
            ("Trading:Risk:RiskPerTrade", "0.02", "0.015"));
    }

    [Fact]
    public void Strategies_symbols_timeframes_indicators_and_host_need_a_restart()
    {
        var after = With(
            ("Trading:Symbols:2", "SOLUSDT"),
            ("Trading:Strategies:0", "B"),
            ("Trading:Timeframes:0", "5m"),
            ("Ict:FvgMinGapPercent", "0.1"),
            ("Silo:Urls", "http://0.0.0.0:5080"),
            ("Trading:Risk:DailyLossLimit", "0.05"));

        var report = s_classifier.Classify(s_base, after);

        report.RequiresRestart.Should().BeTrue();
        report.Live.Select(c => c.Key).Should().Equal("Trading:Risk:DailyLossLimit");
        report.RestartRequired.Select(c => c.Key).Should().BeEquivalentTo(
            "Trading:Symbols:2", "Trading:Strategies:0", "Trading:Timeframes:0", "Ict:FvgMinGapPercent", "Silo:Urls");
        report.RestartRequired.Single(c => c.Key == "Trading:Symbols:2").Should().Match<ConfigKeyChange>(c => c.OldValue == null && c.Reason == "core parameter: Trading:Symbols");
    }

    [Fact]
    public void Removed_and_unknown_keys_need_a_restart_and_ignored_prefixes_are_ignored()
    {
        var after = new Dictionary<string, string?>(s_base);
        after.Remove("Trading:Symbols:1");
        after["Trading:SomethingNew"] = "1";
        after["Logging:Level"] = "Debug";
        var classifier = new ConfigChangeClassifier(["Trading:Risk:Leverage"], ignoredPrefixes: ["Logging"]);

        var report = classifier.Classify(s_base, after);

        report.Changes.Should().HaveCount(3);
        report.RestartRequired.Select(c => (c.Key, c.NewValue, c.Reason)).Should().BeEquivalentTo(new[]
        {
            ("Trading:SomethingNew", (string?)"1", "not an operational parameter"),
            ("Trading:Symbols:1", (string?)null, "core parameter: Trading:Symbols"),
        });
        report.Changes.Single(c => c.Key == "Logging:Level").Class.Should().Be(ConfigChangeClass.Ignored);
    }

    [Fact]
    public void Prefixes_match_whole_sections_only()
    {
        var report = s_classifier.Classify(
            new Dictionary<string, string?>(),
            new Dictionary<string, string?> { ["Trading:SymbolsExtra"] = "x" });

        report.Changes.Single().Reason.Should().Be("not an operational parameter");
    }

    [Fact]
    public void Secret_values_are_masked_and_configuration_objects_work()
    {
        var before = new ConfigurationBuilder().AddInMemoryCollection(s_base).Build();
        var after = new ConfigurationBuilder().AddInMemoryCollection(With(("Exchange:ApiSecret", "s3cr3t-value"))).Build();

        var report = s_classifier.Classify(before, after);

        var change = report.Changes.Single();
        change.Key.Should().Be("Exchange:ApiSecret");
        change.NewValue.Should().Be("***");
        change.Class.Should().Be(ConfigChangeClass.RestartRequired);
    }

    [Fact]
    public void Identical_snapshots_have_no_changes() =>
        s_classifier.Classify(s_base, With()).HasChanges.Should().BeFalse();

    private static Dictionary<string, string?> With(params (string Key, string Value)[] changes)
    {
        var values = new Dictionary<string, string?>(s_base, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return values;
    }
}
