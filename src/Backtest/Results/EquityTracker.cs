namespace TradingBot.Backtest.Results;

/// <summary>
/// Follows account equity (wallet + unrealized PnL at the bar closes) minute by minute: peak, drawdown, exposure,
/// daily closes for the ratios, and a thinned curve (hourly points plus every drawdown extreme is not kept; one point an hour).
/// </summary>
public sealed class EquityTracker
{
    private const long HourMs = 3_600_000;
    private readonly List<decimal> _dailyCloses;
    private readonly List<EquityPoint> _points = [];
    private decimal _peak;
    private decimal _last;
    private long _lastDay;
    private long _minutes;
    private long _minutesInMarket;

    public EquityTracker(decimal initial, long startMs)
    {
        _peak = initial;
        _last = initial;
        _dailyCloses = [initial];
        _lastDay = startMs / 86_400_000;
        _points.Add(new EquityPoint(DateTimeOffset.FromUnixTimeMilliseconds(startMs), initial, 0));
    }

    public decimal MaxDrawdown { get; private set; }

    public decimal MaxDrawdownAmount { get; private set; }

    public IReadOnlyList<EquityPoint> Points => _points;

    /// <summary>Records the equity at the close of the minute ending at <paramref name="closeMs"/>.</summary>
    public void Record(long closeMs, decimal equity, bool inMarket)
    {
        var day = (closeMs - 1) / 86_400_000;
        if (day != _lastDay)
        {
            // The previous equity was the last of that day.
            _dailyCloses.Add(_last);
            _lastDay = day;
        }

        _minutes++;
        if (inMarket)
        {
            _minutesInMarket++;
        }

        _last = equity;
        if (equity > _peak)
        {
            _peak = equity;
        }

        var drawdown = _peak - equity;
        if (drawdown > MaxDrawdownAmount)
        {
            MaxDrawdownAmount = drawdown;
        }

        var fraction = _peak <= 0 ? 0 : drawdown / _peak;
        if (fraction > MaxDrawdown)
        {
            MaxDrawdown = fraction;
        }

        if (closeMs % HourMs == 0)
        {
            _points.Add(new EquityPoint(DateTimeOffset.FromUnixTimeMilliseconds(closeMs), equity, fraction));
        }
    }

    public EquitySummary Finish(long endMs)
    {
        var closes = new List<decimal>(_dailyCloses) { _last };
        if (_points[^1].At.ToUnixTimeMilliseconds() != endMs)
        {
            _points.Add(new EquityPoint(DateTimeOffset.FromUnixTimeMilliseconds(endMs), _last, _peak <= 0 ? 0 : (_peak - _last) / _peak));
        }

        return new EquitySummary(closes, _last, MaxDrawdown, MaxDrawdownAmount, _minutes == 0 ? 0 : (double)_minutesInMarket / _minutes, "account equity incl. open positions at each 1m close");
    }
}
