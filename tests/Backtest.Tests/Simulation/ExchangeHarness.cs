using TradingBot.Backtest.Data;
using TradingBot.Backtest.Simulation;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Runtime.Time;

namespace TradingBot.Backtest.Tests.Simulation;

/// <summary>A <see cref="BacktestExchange"/> over hand-made BTCUSDT bars, driven bar by bar like the runner does.</summary>
internal sealed class ExchangeHarness
{
    public const string Symbol = "BTCUSDT";
    private readonly Bar[] _bars;
    private int _next;

    public ExchangeHarness(FillModel fill, decimal balance, params (decimal Open, decimal High, decimal Low, decimal Close)[] bars)
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        _bars = bars.Select((b, i) => new Bar(start + (i * 60_000L), b.Open, b.High, b.Low, b.Close, 1m)).ToArray();
        Clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(start));
        var data = MarketDataSet.FromBars(new Dictionary<string, Bar[]> { [Symbol] = _bars }, start, start + (bars.Length * 60_000L));
        Exchange = new BacktestExchange(data, fill, Clock, balance);
        Exchange.SubscribeUserAsync((e, _) =>
        {
            Events.Add(e);
            return ValueTask.CompletedTask;
        }).GetAwaiter().GetResult();
        Exchange.SetMarginTypeAsync(Symbol, MarginType.Isolated).GetAwaiter().GetResult();
        Exchange.SetLeverageAsync(Symbol, 5).GetAwaiter().GetResult();
    }

    public ManualTimeProvider Clock { get; }

    public BacktestExchange Exchange { get; }

    public List<StreamEvent> Events { get; } = [];

    /// <summary>Walks the next bar's path (as the runner does before the grains see the bar).</summary>
    public async Task CloseNextBarAsync()
    {
        var bar = _bars[_next];
        Bar? following = _next + 1 < _bars.Length ? _bars[_next + 1] : null;
        _next++;
        await Exchange.ApplyBarAsync(Symbol, bar, following);
        Clock.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(bar.OpenMs + 60_000));
    }

    public Task<OrderSnapshot> MarketAsync(OrderSide side, decimal quantity, string id = "entry-1", bool reduceOnly = false) =>
        Exchange.PlaceMarketOrderAsync(new MarketOrderRequest(Symbol, side, quantity, id, reduceOnly));

    public Task<AlgoOrderSnapshot> ProtectAsync(OrderSide side, ConditionalOrderType type, decimal trigger, string id) =>
        Exchange.PlaceConditionalOrderAsync(new ConditionalOrderRequest(Symbol, side, type, trigger, id, ClosePosition: true, WorkingType: WorkingType.MarkPrice));
}
