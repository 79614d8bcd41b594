using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Trading.Positions;

namespace TradingBot.Trading.Tests.Positions;

public sealed class PositionLedgerTests
{
    private static readonly DateTimeOffset s_t0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static PositionLedger LongAt60k()
    {
        var ledger = new PositionLedger();
        ledger.Begin("p1", "A", "BTCUSDT", Direction.Bullish, 59_000m, 63_000m, "sl", "tp");
        ledger.Apply(new PositionFill("entry", 1, OrderSide.Buy, 0.2m, 60_000m, 6m, s_t0)).Should().BeNull();
        return ledger;
    }

    [Fact]
    public void Take_profit_closes_with_net_pnl_fees_and_r_multiple()
    {
        var ledger = LongAt60k();

        var closed = ledger.Apply(new PositionFill("tp", 2, OrderSide.Sell, 0.2m, 63_000m, 6.3m, s_t0.AddHours(2)));

        closed.Should().NotBeNull();
        closed!.Reason.Should().Be(ExitReason.TakeProfit);
        closed.RealizedPnl.Should().Be((3_000m * 0.2m) - 6m - 6.3m);
        closed.Fees.Should().Be(12.3m);
        closed.ExitPrice.Should().Be(63_000m);
        closed.RMultiple.Should().Be(Math.Round(587.7m / 200m, 4));
        closed.OpenedAt.Should().Be(s_t0);
    }

    [Fact]
    public void Short_stop_loss_loses_one_r_plus_fees()
    {
        var ledger = new PositionLedger();
        ledger.Begin("p2", "B", "ETHUSDT", Direction.Bearish, 2_020m, 1_950m, "sl", "tp");
        ledger.Apply(new PositionFill("entry", 1, OrderSide.Sell, 1m, 2_000m, 1m, s_t0));

        var closed = ledger.Apply(new PositionFill("sl", 2, OrderSide.Buy, 1m, 2_020m, 1.01m, s_t0.AddMinutes(5)));

        closed!.Reason.Should().Be(ExitReason.StopLoss);
        closed.RealizedPnl.Should().Be(-20m - 2.01m);
        closed.RMultiple.Should().Be(Math.Round(-22.01m / 20m, 4));
    }

    [Fact]
    public void A_liquidation_books_the_margin_the_exchange_took_not_the_price_move()
    {
        // 1 ETH long at 2,000 with 5x isolated margin (400 USDT); liquidated with the mark at 1,610: the move is
        // -390, but the exchange takes the whole 400 (the rest goes to the insurance fund) and reports rp = -400.
        var ledger = new PositionLedger();
        ledger.Begin("p3", "A", "ETHUSDT", Direction.Bullish, 1_900m, 2_200m, "sl", "tp");
        ledger.Apply(new PositionFill("entry", 1, OrderSide.Buy, 1m, 2_000m, 1m, s_t0));

        var closed = ledger.Apply(new PositionFill("autoclose-1748304000000", 7, OrderSide.Sell, 1m, 1_610m, 0m, s_t0.AddHours(3), RealizedProfit: -400m));

        closed!.Reason.Should().Be(ExitReason.Liquidation);
        closed.RealizedPnl.Should().Be(-400m - 1m, "the margin lost plus the entry fee");
        closed.ExitPrice.Should().Be(1_610m);
    }

    [Fact]
    public void Ordinary_exits_book_the_price_move_even_when_the_exchange_reports_its_own_figure()
    {
        var ledger = new PositionLedger();
        ledger.Begin("p4", "A", "ETHUSDT", Direction.Bullish, 1_900m, 2_200m, "sl", "tp");
        ledger.Apply(new PositionFill("entry", 1, OrderSide.Buy, 1m, 2_000m, 1m, s_t0));

        var closed = ledger.Apply(new PositionFill("tp", 2, OrderSide.Sell, 1m, 2_200m, 1.1m, s_t0.AddHours(1), RealizedProfit: 200m));

        closed!.RealizedPnl.Should().Be(200m - 2.1m);
    }

    [Fact]
    public void Partial_fills_average_and_duplicates_are_ignored()
    {
        var ledger = LongAt60k();
        ledger.Apply(new PositionFill("entry", 3, OrderSide.Buy, 0.2m, 61_000m, 6.1m, s_t0)).Should().BeNull();
        ledger.EntryPrice.Should().Be(60_500m);

        ledger.Apply(new PositionFill("tp", 4, OrderSide.Sell, 0.1m, 62_000m, 3m, s_t0.AddHours(1))).Should().BeNull();
        ledger.Apply(new PositionFill("tp", 4, OrderSide.Sell, 0.1m, 62_000m, 3m, s_t0.AddHours(1))).Should().BeNull("the same trade id is applied once");
        ledger.Quantity.Should().Be(0.3m);

        var closed = ledger.Apply(new PositionFill("tp", 5, OrderSide.Sell, 0.3m, 63_000m, 9m, s_t0.AddHours(2)));
        closed!.ExitPrice.Should().Be(((62_000m * 0.1m) + (63_000m * 0.3m)) / 0.4m);
        closed.Quantity.Should().Be(0.4m);
    }

    [Theory]
    [InlineData("autoclose-123", ExitReason.Liquidation)]
    [InlineData("tb-A-BTCUSDT-L-1-x", ExitReason.EmergencyStop)]
    [InlineData("web_manual", ExitReason.Manual)]
    public void Exit_reason_follows_the_closing_order(string clientId, ExitReason expected)
    {
        var ledger = LongAt60k();
        ledger.Apply(new PositionFill(clientId, 9, OrderSide.Sell, 0.2m, 59_500m, 6m, s_t0.AddHours(1)))!.Reason.Should().Be(expected);
    }

    [Fact]
    public void Unrealized_pnl_follows_the_mark()
    {
        LongAt60k().UnrealizedPnl(60_500m).Should().Be(100m);
    }
}
