using TradingBot.Trading.Risk;

namespace TradingBot.Trading.Tests.Risk;

public sealed class DailyLossTrackerTests
{
    [Fact]
    public void Limit_is_six_percent_of_the_days_starting_balance()
    {
        var tracker = new DailyLossTracker();
        tracker.Roll(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero), 10_000m);

        tracker.Record(-400m);
        tracker.LimitReached(0.06m).Should().BeFalse();
        tracker.Record(-199.99m);
        tracker.LimitReached(0.06m).Should().BeFalse();
        tracker.Record(-0.01m);
        tracker.LimitReached(0.06m).Should().BeTrue("600 is 6 % of 10,000");
    }

    [Fact]
    public void A_new_utc_day_resets_the_count_from_the_new_balance()
    {
        var tracker = new DailyLossTracker();
        tracker.Roll(new DateTimeOffset(2025, 6, 1, 23, 59, 0, TimeSpan.Zero), 10_000m);
        tracker.Record(-700m);

        tracker.Roll(new DateTimeOffset(2025, 6, 1, 23, 59, 59, TimeSpan.Zero), 9_300m).Should().BeFalse();
        tracker.Roll(new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero), 9_300m).Should().BeTrue();

        tracker.StartingBalance.Should().Be(9_300m);
        tracker.LimitReached(0.06m).Should().BeFalse();
        tracker.Limit(0.06m).Should().Be(558m);
    }

    [Fact]
    public void Profits_offset_losses_within_the_day()
    {
        var tracker = new DailyLossTracker();
        tracker.Roll(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), 10_000m);
        tracker.Record(300m);
        tracker.Record(-800m);
        tracker.Loss.Should().Be(500m);
    }
}
