using System.Diagnostics;
using System.Diagnostics.Metrics;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;

namespace TradingBot.Exchange.Binance.Diagnostics;

/// <summary>
/// System.Diagnostics.Metrics instruments of the meter "TradingBot.Exchange". Recording costs one branch while
/// nobody listens; a listener (dotnet-counters, a bench) sees each stream event with its symbol and interval.
/// </summary>
public static class ExchangeInstruments
{
    /// <summary>Meter name to listen to.</summary>
    public const string MeterName = "TradingBot.Exchange";

    /// <summary>Histogram name: ms from a stream frame's last byte arriving to the subscriber's handler returning.</summary>
    public const string StreamEventDurationName = "tradingbot-exchange-stream-event-duration";

    private static readonly Meter s_meter = new(MeterName);

    private static readonly Histogram<double> s_streamEventDuration =
        s_meter.CreateHistogram<double>(StreamEventDurationName, "ms", "Frame received to subscriber handler done (parse, sequencing, handler).");

    /// <summary>Records one event handed to a subscriber; <paramref name="receivedAt"/> is a <see cref="Stopwatch"/> timestamp.</summary>
    internal static void StreamEventDelivered(StreamKind kind, StreamEvent streamEvent, long receivedAt)
    {
        if (!s_streamEventDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "stream", kind.ToString() },
            { "event", streamEvent.GetType().Name },
        };
        if (streamEvent is KlineClosed closed)
        {
            tags.Add("symbol", closed.Kline.Symbol);
            tags.Add("interval", closed.Kline.Interval.ToBinance());
        }

        s_streamEventDuration.Record(Stopwatch.GetElapsedTime(receivedAt).TotalMilliseconds, tags);
    }
}
