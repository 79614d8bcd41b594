using System.Threading.Channels;
using TradingBot.Exchange.Model.Events;

namespace TradingBot.Exchange.Tests.Support;

/// <summary>Collects stream events and lets a test await a condition over them (no sleeps).</summary>
internal sealed class EventSink
{
    private readonly Lock _gate = new();
    private readonly List<StreamEvent> _events = [];
    private readonly Channel<bool> _changed = Channel.CreateUnbounded<bool>();

    public IReadOnlyList<StreamEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public ValueTask Handle(StreamEvent e, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add(e);
        }

        _changed.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    public async Task WaitUntil(Func<IReadOnlyList<StreamEvent>, bool> condition, int timeoutSeconds = 15)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (!condition(Events))
        {
            try
            {
                await _changed.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Condition not met; events: " + string.Join(", ", Events.Select(Describe)));
            }
        }
    }

    public static string Describe(StreamEvent e) => e switch
    {
        KlineClosed k => $"Kline({k.Kline.OpenTime:HH:mm},{(k.IsBackfill ? "bf" : "live")})",
        StreamStateChanged s => $"{s.State}({s.Attempt},{s.Reason})",
        _ => e.GetType().Name,
    };
}
