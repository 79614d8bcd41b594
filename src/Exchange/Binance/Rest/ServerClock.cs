namespace TradingBot.Exchange.Binance.Rest;

/// <summary>
/// Local clock + measured offset to Binance's clock. offset = serverTime − (send + receive) / 2.
/// Marked stale on -1021/-5028 or when older than the sync interval, so the next signed request re-syncs first.
/// </summary>
internal sealed class ServerClock(TimeProvider timeProvider, TimeSpan syncInterval)
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private DateTimeOffset? _lastSync;
    private bool _stale = true;

    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    public bool NeedsSync
    {
        get
        {
            lock (_gate)
            {
                return _stale || _lastSync is null || timeProvider.GetUtcNow() - _lastSync.Value >= syncInterval;
            }
        }
    }

    public DateTimeOffset LocalNow => timeProvider.GetUtcNow();

    public DateTimeOffset ServerNow => timeProvider.GetUtcNow() + Offset;

    public void MarkStale()
    {
        lock (_gate)
        {
            _stale = true;
        }
    }

    public void Record(DateTimeOffset sentAt, DateTimeOffset receivedAt, DateTimeOffset serverTime)
    {
        var midpoint = sentAt + ((receivedAt - sentAt) / 2);
        lock (_gate)
        {
            _offset = serverTime - midpoint;
            _lastSync = receivedAt;
            _stale = false;
        }
    }
}
