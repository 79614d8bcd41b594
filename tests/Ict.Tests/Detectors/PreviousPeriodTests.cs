using TradingBot.Ict.Candles;
using TradingBot.Ict.Events;
using TradingBot.Ict.Periods;

namespace TradingBot.Ict.Tests.Detectors;

public sealed class PreviousPeriodTests
{
    private static readonly DateTime Monday = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Previous_day_switches_at_the_first_bar_of_the_new_utc_day_and_flags_breaks()
    {
        var tracker = new PreviousPeriodTracker(PreviousPeriodOptions.Day, Timeframe.H4.Milliseconds);
        var events = new EventBuffer();
        var observed = new List<(double High, double Low, bool BrokenHigh, bool BrokenLow)>();
        for (var i = 0; i < 13; i++)
        {
            // Day 1 range 100..110, day 2 range 105..120; day 3's first bar trades 121, above day 2's high.
            var (high, low) = i switch
            {
                < 6 => (100.0 + (2 * i), 100.0),
                < 12 => (105.0 + (3 * (i - 6)), 105.0),
                _ => (121.0, 118.0),
            };
            events.Clear();
            tracker.OnBar(Candle.At(Monday.AddHours(4 * i), low, high, low, high), i, events);
            observed.Add((tracker.PreviousHigh, tracker.PreviousLow, tracker.BrokenHigh, tracker.BrokenLow));
        }

        observed[5].High.Should().Be(double.NaN, "no completed day yet");
        observed[6].Should().Be((110.0, 100.0, false, false), "the first bar of day 2 already sees day 1 (no reference staleness)");
        observed[11].Should().Be((110.0, 100.0, true, false), "day 2 went to 120 > 110");
        observed[12].Should().Be((120.0, 105.0, true, false), "day 3's first bar sees day 2 and breaks it at once");
    }

    [Fact]
    public void Previous_week_is_monday_to_sunday_utc()
    {
        var tracker = new PreviousPeriodTracker(PreviousPeriodOptions.Week, Timeframe.D1.Milliseconds);
        var events = new EventBuffer();
        for (var day = 0; day < 8; day++)
        {
            events.Clear();
            tracker.OnBar(Candle.At(Monday.AddDays(day), 100, 100 + day, 90, 95), day, events);
        }

        tracker.PreviousHigh.Should().Be(106, "the week of Jan 1 ends with Sunday Jan 7 (high 106)");
        tracker.PreviousLow.Should().Be(90);
        tracker.BrokenHigh.Should().BeTrue("Monday Jan 8 traded 107");
    }
}
