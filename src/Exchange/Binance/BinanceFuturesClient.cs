using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Exchange.Binance.Json;
using TradingBot.Exchange.Binance.Rest;
using TradingBot.Exchange.Binance.Streams;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Rules;

namespace TradingBot.Exchange.Binance;

/// <summary>
/// Binance USDⓈ-M futures client (REST + WebSocket streams) implementing <see cref="IExchange"/>.
/// Point it at mainnet, demo or the loopback simulator with <see cref="BinanceEnvironment"/>.
/// </summary>
public sealed class BinanceFuturesClient : IExchange, IAsyncDisposable
{
    private const int KlinePageLimit = 1500;

    private readonly BinanceClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly BinanceRestTransport _rest;
    private readonly LostResponseResolver _resolver;
    private readonly SemaphoreSlim _instrumentsLock = new(1, 1);
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private readonly Lock _subscriptionsGate = new();
    private FrozenDictionary<string, InstrumentRules>? _instruments;
    private IReadOnlyList<InstrumentRules> _instrumentList = [];
    private DateTimeOffset _instrumentsLoadedAt;
    private ConnectionWarmer? _warmer;

    /// <summary>Creates a client. All HTTP goes through <paramref name="httpClient"/> when given (not disposed by the client).</summary>
    public BinanceFuturesClient(
        BinanceClientOptions options,
        HttpClient? httpClient = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RecvWindow <= TimeSpan.Zero || options.RecvWindow > TimeSpan.FromSeconds(60))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RecvWindow must be in (0, 60 s].");
        }

        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = ConnectionWarmer.PoolIdleTimeout(options.KeepWarmInterval),
        });
        _time = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<BinanceFuturesClient>();
        var clock = new ServerClock(_time, options.TimeSyncInterval);
        var gate = new RateLimitGate(_time, options.WeightLimitPerMinute, TimeSpan.FromSeconds(65), options.WaitForNextMinuteWithoutRetryAfter);
        _rest = new BinanceRestTransport(_http, options, clock, gate, _logger);
        _resolver = new LostResponseResolver(_time, options.LostResponseGracePeriod, options.LostResponseInitialDelay, _logger);
        Counters = new StreamCounters();
    }

    /// <summary>Options in force.</summary>
    public BinanceClientOptions Options => _options;

    /// <summary>Stream health counters (malformed/unknown/oversized frames, reconnects, back-fill...).</summary>
    public StreamCounters Counters { get; }

    /// <summary>Rate-limit usage and "blocked until".</summary>
    public RateLimitStatus RateLimits => _rest.Gate.Status;

    /// <summary>Measured server − local clock offset.</summary>
    public TimeSpan ClockOffset => _rest.Clock.Offset;

    /// <summary>Local clock corrected by the measured offset.</summary>
    public DateTimeOffset ServerNow => _rest.Clock.ServerNow;

    /// <summary>
    /// Syncs the clock, loads exchangeInfo (both also happen lazily) and starts keeping the REST connection warm
    /// (<see cref="BinanceClientOptions.KeepWarmInterval"/>).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _rest.SyncTimeAsync(cancellationToken).ConfigureAwait(false);
        await LoadInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        _warmer ??= new ConnectionWarmer(_rest, _options.KeepWarmInterval, _logger);
    }

    /// <summary>Keep-warm pings sent (see <see cref="BinanceClientOptions.KeepWarmInterval"/>).</summary>
    public long KeepWarmPings => _warmer?.Pings ?? 0;

    // ---------------------------------------------------------------- market data

    /// <inheritdoc />
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default)
    {
        var reply = await _rest.SendAsync(Endpoints.ServerTime, [], cancellationToken).ConfigureAwait(false);
        return Parse(reply, RestParsers.ServerTime);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InstrumentRules>> GetInstrumentsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        return _instrumentList;
    }

    /// <inheritdoc />
    public async Task<InstrumentRules> GetInstrumentAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        await EnsureInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        var key = symbol.ToUpperInvariant();
        if (_instruments!.TryGetValue(key, out var rules))
        {
            return rules;
        }

        // A listing may be newer than our cache.
        await LoadInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        return _instruments!.TryGetValue(key, out rules)
            ? rules
            : throw new ExchangeRejectedException(-1121, null, $"Invalid symbol {symbol}.", isLocal: true);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Kline>> GetKlinesAsync(KlineQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var symbol = query.Symbol.ToUpperInvariant();
        var result = new List<Kline>();
        var start = query.From;
        var end = query.To;
        while (true)
        {
            var want = query.MaxCount is { } max ? Math.Min(KlinePageLimit, max - result.Count) : KlinePageLimit;
            if (want <= 0)
            {
                break;
            }

            var parameters = new List<KeyValuePair<string, string>>
            {
                new("symbol", symbol),
                new("interval", query.Interval.ToBinance()),
                new("startTime", BinanceFormat.Millis(start)),
            };
            if (end is { } e)
            {
                parameters.Add(new("endTime", BinanceFormat.Millis(e)));
            }

            parameters.Add(new("limit", want.ToString(CultureInfo.InvariantCulture)));
            var reply = await _rest.SendAsync(Endpoints.Klines, parameters, cancellationToken, Endpoints.KlinesWeight(want)).ConfigureAwait(false);
            var serverNow = _rest.Clock.ServerNow;
            var rows = Parse(reply, r => RestParsers.Array(r, row => RestParsers.KlineRow(row, symbol, query.Interval, serverNow)));
            var reachedOpen = false;
            foreach (var k in rows)
            {
                if (!k.IsClosed)
                {
                    // Only the last row can still be open; closed-bar logic never sees it.
                    reachedOpen = true;
                    break;
                }

                if (end is { } limit && k.OpenTime > limit)
                {
                    reachedOpen = true;
                    break;
                }

                if (result.Count > 0 && k.OpenTime <= result[^1].OpenTime)
                {
                    continue;
                }

                result.Add(k);
            }

            if (reachedOpen || rows.Count < want || rows.Count == 0)
            {
                break;
            }

            var next = rows[^1].CloseTime.AddMilliseconds(1);
            if (next <= start)
            {
                // A server that ignores startTime must not make us loop forever.
                break;
            }

            start = next;
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<MarkPrice> GetMarkPriceAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var reply = await _rest.SendAsync(Endpoints.PremiumIndex, [new("symbol", symbol.ToUpperInvariant())], cancellationToken).ConfigureAwait(false);
        return Parse(reply, RestParsers.MarkPrice);
    }

    // ---------------------------------------------------------------- account

    /// <inheritdoc />
    public async Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        var reply = await _rest.SendAsync(Endpoints.Balance, [], cancellationToken).ConfigureAwait(false);
        return Parse(reply, r => RestParsers.Array(r, RestParsers.Balance));
    }

    /// <inheritdoc />
    public async Task<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var reply = await _rest.SendAsync(Endpoints.Account, [], cancellationToken).ConfigureAwait(false);
        return Parse(reply, RestParsers.Account);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Position>> GetPositionsAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var reply = await _rest.SendAsync(Endpoints.PositionRisk, SymbolParam(symbol), cancellationToken).ConfigureAwait(false);
        return Parse(reply, r => RestParsers.Array(r, RestParsers.Position));
    }

    /// <inheritdoc />
    public async Task<CommissionRate> GetCommissionRateAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var reply = await _rest.SendAsync(Endpoints.CommissionRate, SymbolParam(symbol), cancellationToken).ConfigureAwait(false);
        return Parse(reply, RestParsers.Commission);
    }

    /// <inheritdoc />
    public async Task<LeverageSetting> SetLeverageAsync(string symbol, int leverage, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leverage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(leverage, 125);
        var reply = await _rest.SendAsync(
            Endpoints.Leverage,
            [new("symbol", symbol.ToUpperInvariant()), new("leverage", leverage.ToString(CultureInfo.InvariantCulture))],
            cancellationToken).ConfigureAwait(false);
        return Parse(reply, RestParsers.Leverage);
    }

    /// <inheritdoc />
    public async Task<ConfigChangeOutcome> SetMarginTypeAsync(string symbol, MarginType marginType, CancellationToken cancellationToken = default)
    {
        try
        {
            await _rest.SendAsync(
                Endpoints.MarginType,
                [new("symbol", symbol.ToUpperInvariant()), new("marginType", marginType.ToWire())],
                cancellationToken).ConfigureAwait(false);
            return ConfigChangeOutcome.Changed;
        }
        catch (ExchangeBenignException)
        {
            return ConfigChangeOutcome.AlreadySet;
        }
    }

    /// <inheritdoc />
    public async Task<ConfigChangeOutcome> SetPositionModeAsync(bool hedgeMode, CancellationToken cancellationToken = default)
    {
        try
        {
            await _rest.SendAsync(Endpoints.PositionMode, [new("dualSidePosition", BinanceFormat.Bool(hedgeMode))], cancellationToken).ConfigureAwait(false);
            return ConfigChangeOutcome.Changed;
        }
        catch (ExchangeBenignException)
        {
            return ConfigChangeOutcome.AlreadySet;
        }
    }

    // ---------------------------------------------------------------- trading

    /// <inheritdoc />
    public async Task<OrderSnapshot> PlaceMarketOrderAsync(MarketOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = await BuildMarketOrderAsync(request, cancellationToken).ConfigureAwait(false);
        var symbol = request.Symbol.ToUpperInvariant();
        return await _resolver.PlaceAsync(
            request.ClientOrderId,
            async ct => Parse(await _rest.SendAsync(Endpoints.NewOrder, parameters, ct).ConfigureAwait(false), RestParsers.Order),
            ct => GetOrderAsync(symbol, request.ClientOrderId, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AlgoOrderSnapshot> PlaceConditionalOrderAsync(ConditionalOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = await BuildConditionalOrderAsync(request, cancellationToken).ConfigureAwait(false);
        var symbol = request.Symbol.ToUpperInvariant();
        return await _resolver.PlaceAsync(
            request.ClientAlgoId,
            async ct => Parse(await _rest.SendAsync(Endpoints.NewAlgoOrder, parameters, ct).ConfigureAwait(false), RestParsers.AlgoOrder),
            ct => GetAlgoOrderAsync(symbol, request.ClientAlgoId, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<OrderSnapshot?> GetOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await _rest.SendAsync(
                Endpoints.QueryOrder,
                [new("symbol", symbol.ToUpperInvariant()), new("origClientOrderId", clientOrderId)],
                cancellationToken).ConfigureAwait(false);
            return Parse(reply, RestParsers.Order);
        }
        catch (ExchangeNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<AlgoOrderSnapshot?> GetAlgoOrderAsync(string symbol, string clientAlgoId, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await _rest.SendAsync(Endpoints.QueryAlgoOrder, [new("clientAlgoId", clientAlgoId)], cancellationToken).ConfigureAwait(false);
            return Parse(reply, RestParsers.AlgoOrder);
        }
        catch (ExchangeNotFoundException)
        {
            // Finished algo orders can drop out of GET algoOrder; the history still has them.
            var history = await GetAlgoOrderHistoryAsync(new AlgoOrderHistoryQuery(symbol), cancellationToken).ConfigureAwait(false);
            return history.LastOrDefault(o => string.Equals(o.ClientAlgoId, clientAlgoId, StringComparison.Ordinal));
        }
    }

    /// <inheritdoc />
    public async Task<OrderSnapshot?> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await _rest.SendAsync(
                Endpoints.CancelOrder,
                [new("symbol", symbol.ToUpperInvariant()), new("origClientOrderId", clientOrderId)],
                cancellationToken).ConfigureAwait(false);
            return Parse(reply, RestParsers.Order);
        }
        catch (ExchangeNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<bool> CancelAlgoOrderAsync(string symbol, string clientAlgoId, CancellationToken cancellationToken = default)
    {
        try
        {
            // Reply is either {algoId, clientAlgoId, code, msg} (docs) or the full algo object (Binance.Net fixture).
            await _rest.SendAsync(Endpoints.CancelAlgoOrder, [new("clientAlgoId", clientAlgoId)], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ExchangeNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrderSnapshot>> GetOpenOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var reply = await _rest.SendAsync(Endpoints.OpenOrders, SymbolParam(symbol), cancellationToken, Endpoints.OpenOrdersWeight(symbol)).ConfigureAwait(false);
        return Parse(reply, r => RestParsers.Array(r, RestParsers.Order));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlgoOrderSnapshot>> GetOpenAlgoOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var reply = await _rest.SendAsync(Endpoints.OpenAlgoOrders, SymbolParam(symbol), cancellationToken, Endpoints.OpenOrdersWeight(symbol)).ConfigureAwait(false);
        return Parse(reply, r => RestParsers.Array(r, RestParsers.AlgoOrder));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlgoOrderSnapshot>> GetAlgoOrderHistoryAsync(AlgoOrderHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, string>> { new("symbol", query.Symbol.ToUpperInvariant()) };
        if (query.From is { } from)
        {
            parameters.Add(new("startTime", BinanceFormat.Millis(from)));
        }

        if (query.To is { } to)
        {
            parameters.Add(new("endTime", BinanceFormat.Millis(to)));
        }

        if (query.Limit is { } limit)
        {
            parameters.Add(new("limit", limit.ToString(CultureInfo.InvariantCulture)));
        }

        var reply = await _rest.SendAsync(Endpoints.AllAlgoOrders, parameters, cancellationToken).ConfigureAwait(false);
        return Parse(reply, r => RestParsers.Array(r, RestParsers.AlgoOrder));
    }

    /// <inheritdoc />
    public async Task<CancelAllResult> CancelAllOrdersAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var parameters = SymbolParam(symbol);
        ExchangeException? first = null;
        var regular = false;
        var algo = false;
        try
        {
            await _rest.SendAsync(Endpoints.CancelAllOpenOrders, parameters, cancellationToken).ConfigureAwait(false);
            regular = true;
        }
        catch (ExchangeException ex)
        {
            first = ex;
        }

        try
        {
            await _rest.SendAsync(Endpoints.CancelAllAlgoOrders, parameters, cancellationToken).ConfigureAwait(false);
            algo = true;
        }
        catch (ExchangeException ex)
        {
            first ??= ex;
        }

        if (first is not null)
        {
            _logger.LogWarning(first, "Cancel-all {Symbol}: regular={Regular} algo={Algo}", symbol, regular, algo);
            throw first;
        }

        return new CancelAllResult(symbol.ToUpperInvariant(), regular, algo);
    }

    // ---------------------------------------------------------------- streams

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeMarketAsync(MarketSubscription subscription, StreamEventHandler handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(handler);
        if (subscription.Symbols.Count == 0 || (subscription.Intervals.Count == 0 && !subscription.IncludeMarkPrice))
        {
            throw new ArgumentException("Subscribe to at least one symbol and one stream.", nameof(subscription));
        }

        var stream = new MarketStream(subscription, handler, this, _options, _time, Counters, _loggerFactory.CreateLogger<MarketStream>());
        stream.Start();
        return Task.FromResult(Track(stream));
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeUserAsync(StreamEventHandler handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var stream = new UserStream(handler, _rest, _options, _time, Counters, _loggerFactory.CreateLogger<UserStream>());
        stream.Start();
        return Task.FromResult(Track(stream));
    }

    /// <summary>Stops all streams (deleting the listen key) and releases the owned HttpClient.</summary>
    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable[] subscriptions;
        lock (_subscriptionsGate)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var s in subscriptions)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }

        if (_warmer is not null)
        {
            await _warmer.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsHttp)
        {
            _http.Dispose();
        }

        _instrumentsLock.Dispose();
    }

    // ---------------------------------------------------------------- helpers

    internal async Task<List<KeyValuePair<string, string>>> BuildMarketOrderAsync(MarketOrderRequest request, CancellationToken cancellationToken)
    {
        RequireClientId(request.ClientOrderId);
        var rules = await GetInstrumentAsync(request.Symbol, cancellationToken).ConfigureAwait(false);
        var quantity = OrderRules.ValidateQuantity(rules, request.Quantity, isMarket: true);
        if (!request.ReduceOnly && rules.MinNotional > 0)
        {
            var reference = request.ReferencePrice
                ?? (await GetMarkPriceAsync(rules.Symbol, cancellationToken).ConfigureAwait(false)).Price;
            OrderRules.ValidateNotional(rules, quantity, reference, reduceOnly: false);
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("symbol", rules.Symbol),
            new("side", request.Side.ToWire()),
            new("type", "MARKET"),
            new("quantity", BinanceFormat.Decimal(quantity)),
        };
        if (request.PositionSide is { } ps)
        {
            parameters.Add(new("positionSide", ps.ToWire()));
        }

        if (request.ReduceOnly)
        {
            parameters.Add(new("reduceOnly", "true"));
        }

        parameters.Add(new("newClientOrderId", request.ClientOrderId));
        parameters.Add(new("newOrderRespType", "RESULT"));
        return parameters;
    }

    internal async Task<List<KeyValuePair<string, string>>> BuildConditionalOrderAsync(ConditionalOrderRequest request, CancellationToken cancellationToken)
    {
        RequireClientId(request.ClientAlgoId);
        if (request.ClosePosition && request.Quantity is not null)
        {
            throw new ExchangeRejectedException(-4137, null, "closePosition cannot be combined with a quantity.", isLocal: true);
        }

        if (!request.ClosePosition && request.Quantity is null)
        {
            throw new ExchangeRejectedException(-1102, null, "quantity is required unless closePosition is set.", isLocal: true);
        }

        var rules = await GetInstrumentAsync(request.Symbol, cancellationToken).ConfigureAwait(false);
        var trigger = OrderRules.RoundTriggerAway(rules, request.TriggerPrice, request.Side, request.Type);
        OrderRules.ValidatePrice(rules, trigger);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("symbol", rules.Symbol),
            new("side", request.Side.ToWire()),
            new("type", request.Type.ToWire()),
        };
        if (request.Quantity is { } q)
        {
            var quantity = OrderRules.ValidateQuantity(rules, q, isMarket: true);
            OrderRules.ValidateNotional(rules, quantity, trigger, request.ReduceOnly);
            parameters.Add(new("quantity", BinanceFormat.Decimal(quantity)));
        }

        parameters.Add(new("triggerPrice", BinanceFormat.Decimal(trigger)));
        parameters.Add(new("workingType", request.WorkingType.ToWire()));
        if (request.PositionSide is { } ps)
        {
            parameters.Add(new("positionSide", ps.ToWire()));
        }

        if (request.ClosePosition)
        {
            parameters.Add(new("closePosition", "true"));
        }
        else if (request.ReduceOnly)
        {
            parameters.Add(new("reduceOnly", "true"));
        }

        if (request.PriceProtect)
        {
            parameters.Add(new("priceProtect", "true"));
        }

        parameters.Add(new("algoType", "CONDITIONAL"));
        parameters.Add(new("clientAlgoId", request.ClientAlgoId));
        return parameters;
    }

    private static void RequireClientId(string id)
    {
        if (!ClientOrderIds.IsValid(id))
        {
            throw new ExchangeRejectedException(-4015, null, $"Client id '{id}' does not match ^[\\.A-Z\\:/a-z0-9_-]{{1,36}}$.", isLocal: true);
        }
    }

    private static List<KeyValuePair<string, string>> SymbolParam(string? symbol) =>
        symbol is null ? [] : [new("symbol", symbol.ToUpperInvariant())];

    private static T Parse<T>(JsonElement reply, Func<JsonElement, T> parse)
    {
        try
        {
            return parse(reply);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            throw new ExchangeProtocolException($"Unexpected reply shape: {ex.Message}", ex);
        }
    }

    private async Task EnsureInstrumentsAsync(CancellationToken cancellationToken)
    {
        if (_instruments is null || _time.GetUtcNow() - _instrumentsLoadedAt >= _options.ExchangeInfoRefreshInterval)
        {
            await LoadInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LoadInstrumentsAsync(CancellationToken cancellationToken)
    {
        await _instrumentsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reply = await _rest.SendAsync(Endpoints.ExchangeInfo, [], cancellationToken).ConfigureAwait(false);
            var list = Parse(reply, RestParsers.ExchangeInfo);
            _instrumentList = list;
            _instruments = list.ToFrozenDictionary(r => r.Symbol, StringComparer.Ordinal);
            _instrumentsLoadedAt = _time.GetUtcNow();
        }
        finally
        {
            _instrumentsLock.Release();
        }
    }

    private IAsyncDisposable Track(IAsyncDisposable stream)
    {
        lock (_subscriptionsGate)
        {
            _subscriptions.Add(stream);
        }

        return stream;
    }
}
