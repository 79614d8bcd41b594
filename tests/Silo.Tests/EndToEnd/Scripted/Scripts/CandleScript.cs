using System.Globalization;
using System.Text;
using TradingBot.Contracts.Market;

namespace TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;

/// <summary>
/// Writes a price path as 1m candles, one leg at a time: flat stretches, straight moves and whole 15m bars. Moves
/// give each minute a wick of one step on both sides (clipped to the leg), so consecutive minutes overlap and a
/// move never leaves a 1m fair value gap behind; gaps and swings exist only where a script draws them.
/// Prices are whole units (on the tick of every symbol the simulator knows).
/// </summary>
internal sealed class CandleScript
{
    private readonly List<Candle> _minutes = [];

    public CandleScript(string symbol, DateTimeOffset start, decimal price)
    {
        Symbol = symbol;
        Start = start;
        Last = price;
    }

    public string Symbol { get; }

    public DateTimeOffset Start { get; }

    /// <summary>Open time of the next minute to be written.</summary>
    public DateTimeOffset Next => Start.AddMinutes(_minutes.Count);

    /// <summary>Close of the last minute written.</summary>
    public decimal Last { get; private set; }

    public IReadOnlyList<Candle> Minutes => _minutes;

    /// <summary>Minutes of constant price.</summary>
    public CandleScript Flat(int minutes)
    {
        for (var i = 0; i < minutes; i++)
        {
            Add(Last, Last, Last, Last);
        }

        return this;
    }

    /// <summary>Flat until <paramref name="time"/> (exclusive).</summary>
    public CandleScript FlatUntil(DateTimeOffset time) => Flat((int)(time - Next).TotalMinutes);

    /// <summary>A straight move to <paramref name="to"/> over <paramref name="minutes"/> minutes, without 1m gaps.</summary>
    public CandleScript Move(decimal to, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        var from = Last;
        var step = (to - from) / minutes;
        var wick = Math.Ceiling(Math.Abs(step));
        var floor = Math.Min(from, to);
        var ceiling = Math.Max(from, to);
        for (var i = 0; i < minutes; i++)
        {
            var open = Math.Round(from + (step * i));
            var close = i == minutes - 1 ? to : Math.Round(from + (step * (i + 1)));
            var high = Math.Min(ceiling, Math.Max(open, close) + wick);
            var low = Math.Max(floor, Math.Min(open, close) - wick);
            Add(open, high, low, close);
        }

        return this;
    }

    /// <summary>One minute with the given range, opening at the last close.</summary>
    public CandleScript Minute(decimal high, decimal low, decimal close)
    {
        Add(Last, high, low, close);
        return this;
    }

    /// <summary>
    /// A 15m bar drawn as three 5-minute legs: open → first extreme → second extreme → close. The low comes first
    /// unless <paramref name="highFirst"/>. The bar's high and low are exactly the given ones.
    /// </summary>
    public CandleScript Bar15(decimal high, decimal low, decimal close, bool highFirst = false)
    {
        if (Next.Minute % 15 != 0)
        {
            throw new InvalidOperationException($"A 15m bar must start on a quarter hour, not {Next:HH:mm}.");
        }

        if (Last > high || Last < low || close > high || close < low)
        {
            throw new ArgumentException($"Open {Last} and close {close} must lie within [{low}, {high}].");
        }

        var (first, second) = highFirst ? (high, low) : (low, high);
        return Leg(first, 5, low, high).Leg(second, 5, low, high).Leg(close, 5, low, high);
    }

    /// <summary>The script as the simulator's candle file (open_time,open,high,low,close,volume).</summary>
    public void WriteCsv(string path, Func<Candle, bool>? include = null)
    {
        var text = new StringBuilder("open_time,open,high,low,close,volume\n");
        foreach (var c in _minutes.Where(include ?? (_ => true)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.OpenTime.ToUnixTimeMilliseconds()},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume}\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    private CandleScript Leg(decimal to, int minutes, decimal low, decimal high)
    {
        if (to == Last)
        {
            return Flat(minutes);
        }

        var from = Last;
        var step = (to - from) / minutes;
        var wick = Math.Ceiling(Math.Abs(step));
        for (var i = 0; i < minutes; i++)
        {
            var open = Math.Round(from + (step * i));
            var close = i == minutes - 1 ? to : Math.Round(from + (step * (i + 1)));
            Add(open, Math.Min(high, Math.Max(open, close) + wick), Math.Max(low, Math.Min(open, close) - wick), close);
        }

        return this;
    }

    private void Add(decimal open, decimal high, decimal low, decimal close)
    {
        _minutes.Add(new Candle(Symbol, Timeframe.M1, Next, open, high, low, close, 10m));
        Last = close;
    }
}
