using TradingBot.Trading.Strategies;

namespace TradingBot.Trading.Tests.Strategies;

public sealed class VerdictReportingTests
{
    private static readonly DateTimeOffset s_bar = new(2025, 6, 1, 10, 15, 0, TimeSpan.Zero);

    [Fact]
    public void A_none_nobody_asked_for_is_kept_and_handed_over_when_the_gate_asks()
    {
        var reporting = new VerdictReporting();
        reporting.Follow(everyBar: false).Should().BeNull("nothing was judged yet");

        reporting.MustReport(s_bar, hasSignal: false).Should().BeFalse();
        reporting.MustReport(s_bar.AddMinutes(1), hasSignal: false).Should().BeFalse();

        reporting.Follow(everyBar: true).Should().Be(s_bar.AddMinutes(1), "both silent verdicts count as reported");
        reporting.EveryBar.Should().BeTrue();
    }

    [Fact]
    public void While_the_gate_asks_every_verdict_goes_out_and_is_not_counted_again()
    {
        var reporting = new VerdictReporting();
        reporting.MustReport(s_bar, hasSignal: false).Should().BeFalse();
        reporting.Follow(everyBar: true);

        reporting.MustReport(s_bar.AddMinutes(1), hasSignal: false).Should().BeTrue();
        reporting.Follow(everyBar: false).Should().Be(s_bar, "the reported bar travelled on its own");

        reporting.MustReport(s_bar.AddMinutes(2), hasSignal: false).Should().BeFalse();
        reporting.SilentThrough.Should().Be(s_bar.AddMinutes(2));
    }

    [Fact]
    public void A_signal_always_goes_out_and_its_bar_is_never_claimed_as_silent()
    {
        var reporting = new VerdictReporting();
        reporting.MustReport(s_bar, hasSignal: false);

        reporting.MustReport(s_bar.AddMinutes(1), hasSignal: true).Should().BeTrue();

        // The gate asks while the signal is on its way: the answer must not cover the signal's bar.
        reporting.Follow(everyBar: true).Should().Be(s_bar);
    }
}
