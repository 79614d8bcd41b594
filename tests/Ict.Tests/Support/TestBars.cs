using TradingBot.Ict.Candles;
using TradingBot.Ict.Engine;
using TradingBot.Ict.Events;

namespace TradingBot.Ict.Tests.Support;

/// <summary>Hand-made candle sequences and an engine runner that collects every event.</summary>
internal static class TestBars
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Candle[] Of(params (double O, double H, double L, double C)[] bars) =>
        bars.Select((b, i) => Candle.At(Start.AddMinutes(i), b.O, b.H, b.L, b.C, 1)).ToArray();

    public static List<IctEvent> Run(IEnumerable<Candle> candles, IctOptions options)
    {
        var engine = new IctEngine(options);
        var events = new List<IctEvent>();
        foreach (var candle in candles)
        {
            var update = engine.OnCandleClosed(candle);
            update.Accepted.Should().BeTrue();
            events.AddRange(update.Events.ToArray());
        }

        return events;
    }

    public static IctOptions Options(int swingLength = 2) => new()
    {
        Timeframe = Timeframe.M1,
        SwingLength = swingLength,
        TrackPreviousDay = false,
        TrackPreviousWeek = false,
    };
}
