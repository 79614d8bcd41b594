using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Risk;

namespace TradingBot.Trading.Tests.Risk;

public sealed class PositionSizerTests
{
    private static readonly InstrumentRules s_btc = new("BTCUSDT", 0.10m, 0.001m, 0.001m, 120m, 100m);
    private static readonly RiskSettings s_settings = new();

    private static TradeSignal Long(decimal entry, decimal stop, decimal target) =>
        new("A:x", "A", "BTCUSDT", Direction.Bullish, entry, stop, target, 0.8, ["z"], DateTimeOffset.UnixEpoch);

    private static TradeSignal Short(decimal entry, decimal stop, decimal target) =>
        new("A:y", "A", "BTCUSDT", Direction.Bearish, entry, stop, target, 0.8, ["z"], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Risks_two_percent_of_balance_at_the_stop()
    {
        // 2 % of 10,000 = 200 USDT; stop 1,000 below entry → 0.2 BTC.
        var result = PositionSizer.Size(Long(60_000m, 59_000m, 63_000m), 10_000m, 10_000m, s_btc, s_settings);

        result.Approved.Should().BeTrue();
        result.Quantity.Should().Be(0.2m);
        result.RiskAmount.Should().Be(200m);
        result.StopLoss.Should().Be(59_000m);
        result.TakeProfit.Should().Be(63_000m);
    }

    [Fact]
    public void Is_capped_by_margin_at_five_times_leverage()
    {
        // Stop 100 below entry would size 2 BTC (120,000 notional); 10,000 × 0.95 / (60,000/5 + 30 fee) = 0.78969 BTC.
        var result = PositionSizer.Size(Long(60_000m, 59_900m, 60_300m), 10_000m, 10_000m, s_btc, s_settings);

        result.Approved.Should().BeTrue();
        result.Quantity.Should().Be(0.789m);
    }

    [Fact]
    public void Rounds_quantity_down_to_the_step_and_the_stop_away_from_entry()
    {
        var result = PositionSizer.Size(Short(60_000m, 60_733.333m, 57_000m), 10_000m, 10_000m, s_btc, s_settings);

        result.StopLoss.Should().Be(60_733.4m, "a short's stop rounds up, away from the entry");
        result.Quantity.Should().Be(0.272m, "200 / 733.4 = 0.27270..., floored to 0.001");
        (result.Quantity * (result.StopLoss - 60_000m)).Should().BeLessThanOrEqualTo(200m);
    }

    [Fact]
    public void Refuses_below_the_minimum_reward_to_risk()
    {
        var result = PositionSizer.Size(Long(60_000m, 59_000m, 61_000m), 10_000m, 10_000m, s_btc, s_settings);
        result.Approved.Should().BeFalse();
        result.Rule.Should().Be("reward-to-risk");
    }

    [Fact]
    public void Refuses_below_the_minimum_notional()
    {
        // 2 % of 50 = 1 USDT → 0.001 BTC, worth 60 USDT: below the 100 USDT minimum.
        var result = PositionSizer.Size(Long(60_000m, 59_000m, 63_000m), 50m, 50m, s_btc, s_settings);
        result.Approved.Should().BeFalse();
        result.Rule.Should().Be("min-notional");
        PositionSizer.Size(Long(60_000m, 59_000m, 63_000m), 40m, 40m, s_btc, s_settings).Rule.Should().Be("min-quantity");
    }

    [Fact]
    public void Refuses_levels_on_the_wrong_side()
    {
        PositionSizer.Size(Long(60_000m, 61_000m, 63_000m), 10_000m, 10_000m, s_btc, s_settings).Rule.Should().Be("levels");
    }
}
