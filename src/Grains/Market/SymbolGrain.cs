using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Grains.Mapping;
using TradingBot.Runtime;
using TradingBot.Runtime.Streams;

namespace TradingBot.Grains.Market;

/// <summary>
/// Candles and ICT state of one symbol. Loads history at activation, then every closed 1m candle
/// (from the klines stream or a direct call) runs the engines and publishes the resulting
/// snapshots, higher timeframes first.
/// </summary>
[KeepAlive]
[ImplicitStreamSubscription(StreamNames.Klines)]
internal sealed partial class SymbolGrain(
    IExchange exchange,
    IIndicatorPipelineFactory pipelines,
    IOptions<TradingOptions> options,
    TimeProvider clock,
    ILogger<SymbolGrain> logger) : Grain, ISymbolGrain, IStreamSubscriptionObserver, IAsyncObserver<CandleClosed>
{
    private static readonly Timeframe[] s_timeframes = [Timeframe.H1, Timeframe.M15, Timeframe.M1];
    private IIndicatorPipeline _pipeline = null!;
    private IAsyncStream<IndicatorsUpdated> _indicators = null!;
    private IAsyncStream<CandleClosed> _candles = null!;
    private string _symbol = "";
    private long _processed;
    private int _gaps;
    private bool _warmedUp;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = this.GetPrimaryKeyString();
        _pipeline = pipelines.Create(_symbol);
        var provider = this.GetStreamProvider(StreamNames.Provider);
        _indicators = provider.GetStream<IndicatorsUpdated>(StreamId.Create(StreamNames.Indicators, _symbol));
        _candles = provider.GetStream<CandleClosed>(StreamId.Create(StreamNames.Candles, _symbol));
        await WarmUpAsync(cancellationToken);
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<CandleClosed>().ResumeAsync(this);
    }

    public Task OnNextAsync(CandleClosed item, StreamSequenceToken? token = null) => OnCandleClosedAsync(item.Candle);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, _symbol);
        return Task.CompletedTask;
    }

    public Task<SymbolStatus> StartAsync() => GetStatusAsync();

    public async Task OnCandleClosedAsync(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        if (candle.Timeframe != Timeframe.M1)
        {
            // Higher timeframes are aggregated from 1m so live and backtest see identical bars.
            return;
        }

        var last = _pipeline.LastClosed(Timeframe.M1);
        if (last is { } l && candle.OpenTime <= l)
        {
            return;
        }

        if (last is { } previous && candle.OpenTime > previous + Timeframe.M1.Span)
        {
            _gaps++;
            LogGap(_symbol, previous, candle.OpenTime);
        }

        _processed++;
        // Indexed, not foreach: enumerating the IReadOnlyList would box its enumerator on every candle.
        var snapshots = _pipeline.OnMinuteClosed(candle);
        for (var i = 0; i < snapshots.Count; i++)
        {
            var snapshot = snapshots[i];
            await _candles.OnNextAsync(new CandleClosed(snapshot.Candle));
            await _indicators.OnNextAsync(new IndicatorsUpdated(snapshot));
        }
    }

    public Task<SymbolStatus> GetStatusAsync()
    {
        var last = ImmutableDictionary.CreateBuilder<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var timeframe in s_timeframes)
        {
            if (_pipeline.LastClosed(timeframe) is { } t)
            {
                last[timeframe.ToString()] = t;
            }
        }

        return Task.FromResult(new SymbolStatus(_symbol, _warmedUp, last.ToImmutable(), _processed, _gaps));
    }

    public Task<IndicatorSnapshot?> GetSnapshotAsync(Timeframe timeframe) => Task.FromResult(_pipeline.Latest(timeframe));

    public Task<ImmutableArray<Candle>> GetCandlesAsync(Timeframe timeframe, int count) =>
        Task.FromResult(_pipeline.Candles(timeframe, Math.Clamp(count, 0, 5000)).ToImmutableArray());

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var count = options.Value.HistoryCandles;
        foreach (var timeframe in s_timeframes)
        {
            var query = new KlineQuery(_symbol, ExchangeMapping.ToInterval(timeframe), now - (timeframe.Span * count), now, count);
            var klines = await exchange.GetKlinesAsync(query, cancellationToken);
            var candles = klines.Where(k => k.IsClosed).Select(ExchangeMapping.ToCandle).ToList();
            _pipeline.WarmUp(timeframe, candles);
            LogWarmUp(_symbol, timeframe.ToString(), candles.Count);
        }

        _warmedUp = s_timeframes.All(t => _pipeline.LastClosed(t) is not null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} {Timeframe}: warmed up with {Count} closed candles")]
    private partial void LogWarmUp(string symbol, string timeframe, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: candles missing between {Previous} and {Next}")]
    private partial void LogGap(string symbol, DateTimeOffset previous, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol}: klines stream error")]
    private partial void LogStreamError(Exception exception, string symbol);
}
