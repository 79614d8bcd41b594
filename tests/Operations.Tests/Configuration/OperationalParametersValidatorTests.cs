using Microsoft.Extensions.Configuration;
using TradingBot.Operations.Configuration;

namespace TradingBot.Operations.Tests.Configuration;

public sealed class OperationalParametersValidatorTests
{
    [Fact]
    public void Missing_section_gives_the_PRD_defaults()
    {
        var result = OperationalParametersValidator.Read(Config());

        result.IsValid.Should().BeTrue();
        result.Parameters.Should().Be(new OperationalParameters
        {
            StopLossTolerancePercent = 0.2m,
            TakeProfitMultiplier = 1.0m,
            Leverage = 5,
            RiskPerTradePercent = 2m,
            DailyLossLimitPercent = 6m,
            OnDailyLossLimit = DailyLossLimitAction.KeepPositions,
        });
    }

    [Fact]
    public void Values_at_the_edges_of_the_ranges_are_accepted()
    {
        var result = OperationalParametersValidator.Read(Config(
            ("Trading:StopLossTolerancePercent", "0.3"),
            ("Trading:TakeProfitMultiplier", "0.5"),
            ("Trading:Leverage", "20"),
            ("Trading:RiskPerTradePercent", "0.1"),
            ("Trading:DailyLossLimitPercent", "20"),
            ("Trading:OnDailyLossLimit", "closepositions")));

        result.Errors.Should().BeEmpty();
        result.Parameters!.Leverage.Should().Be(20);
        result.Parameters.OnDailyLossLimit.Should().Be(DailyLossLimitAction.ClosePositions);
    }

    [Theory]
    [InlineData("Trading:RiskPerTradePercent", "9", "Trading:RiskPerTradePercent = 9 is outside the allowed range 0.1–5")]
    [InlineData("Trading:RiskPerTradePercent", "0.05", "Trading:RiskPerTradePercent = 0.05 is outside the allowed range 0.1–5")]
    [InlineData("Trading:StopLossTolerancePercent", "0.5", "Trading:StopLossTolerancePercent = 0.5 is outside the allowed range 0.1–0.3")]
    [InlineData("Trading:StopLossTolerancePercent", "0", "Trading:StopLossTolerancePercent = 0 is outside the allowed range 0.1–0.3")]
    [InlineData("Trading:TakeProfitMultiplier", "2", "Trading:TakeProfitMultiplier = 2 is outside the allowed range 0.5–1.5")]
    [InlineData("Trading:Leverage", "21", "Trading:Leverage = 21 is outside the allowed range 1–20")]
    [InlineData("Trading:Leverage", "0", "Trading:Leverage = 0 is outside the allowed range 1–20")]
    [InlineData("Trading:Leverage", "2.5", "Trading:Leverage = 2.5 is not a whole number (allowed range 1–20)")]
    [InlineData("Trading:Leverage", "five", "Trading:Leverage = 'five' is not a number (allowed range 1–20)")]
    [InlineData("Trading:DailyLossLimitPercent", "25", "Trading:DailyLossLimitPercent = 25 is outside the allowed range 1–20")]
    [InlineData("Trading:DailyLossLimitPercent", "0,5", "Trading:DailyLossLimitPercent = '0,5' is not a number (allowed range 1–20)")]
    [InlineData("Trading:OnDailyLossLimit", "sell", "Trading:OnDailyLossLimit = 'sell' is not one of KeepPositions, ClosePositions")]
    [InlineData("Trading:OnDailyLossLimit", "1", "Trading:OnDailyLossLimit = '1' is not one of KeepPositions, ClosePositions")]
    public void Each_bad_value_is_rejected_naming_key_and_range(string key, string value, string error)
    {
        var result = OperationalParametersValidator.Read(Config((key, value)));

        result.IsValid.Should().BeFalse();
        result.Parameters.Should().BeNull("the caller keeps the previous values");
        result.Errors.Should().Equal(error);
    }

    [Fact]
    public void All_errors_are_reported_at_once()
    {
        var result = OperationalParametersValidator.Read(Config(("Trading:Leverage", "50"), ("Trading:RiskPerTradePercent", "-1")));

        result.Errors.Should().HaveCount(2);
    }

    [Fact]
    public void Typed_values_are_range_checked_too()
    {
        OperationalParametersValidator.Validate(OperationalParameters.Default).Should().BeEmpty();
        OperationalParametersValidator.Validate(OperationalParameters.Default with { RiskPerTradePercent = 9m })
            .Should().Equal("Trading:RiskPerTradePercent = 9 is outside the allowed range 0.1–5");
        OperationalParametersValidator.Validate(OperationalParameters.Default with { OnDailyLossLimit = (DailyLossLimitAction)7 })
            .Should().Equal("Trading:OnDailyLossLimit = 7 is not one of KeepPositions, ClosePositions");
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
