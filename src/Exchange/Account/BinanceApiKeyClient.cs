using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Binance.Json;
using TradingBot.Exchange.Binance.Rest;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Account;

/// <summary>
/// Reads what the API key may do from Binance's wallet API on the spot host (api.binance.com), with the same
/// signing, rate gate and error classification as <see cref="BinanceFuturesClient"/>. The futures demo
/// ("testnet") has no wallet API: <see cref="SpotRestBaseFor"/> returns null for it.
/// </summary>
public sealed class BinanceApiKeyClient : IDisposable
{
    /// <summary>Binance's spot REST host, where <c>/sapi</c> lives for mainnet keys.</summary>
    public static readonly Uri MainnetSpotRestBase = new("https://api.binance.com");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ServerClock _clock;
    private readonly BinanceRestTransport _rest;

    /// <summary>Creates a client signing with the key and secret of <paramref name="options"/>, sending to <paramref name="spotRestBase"/>.</summary>
    public BinanceApiKeyClient(BinanceClientOptions options, Uri spotRestBase, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(spotRestBase);
        var spot = options with { Environment = options.Environment with { Name = options.Environment.Name + "-spot", RestBase = spotRestBase } };
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        var time = timeProvider ?? TimeProvider.System;
        _clock = new ServerClock(time, spot.TimeSyncInterval);
        var gate = new RateLimitGate(time, spot.WeightLimitPerMinute, TimeSpan.FromSeconds(65), spot.WaitForNextMinuteWithoutRetryAfter);
        _rest = new BinanceRestTransport(_http, spot, _clock, gate, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BinanceApiKeyClient>());
    }

    /// <summary>
    /// Where the wallet API of <paramref name="environment"/> is: api.binance.com for mainnet, none for the futures
    /// demo, and the same host for any custom deployment (the loopback simulator serves it next to <c>/fapi</c>).
    /// </summary>
    public static Uri? SpotRestBaseFor(BinanceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment == BinanceEnvironment.Mainnet)
        {
            return MainnetSpotRestBase;
        }

        return environment == BinanceEnvironment.Demo ? null : environment.RestBase;
    }

    /// <summary><c>GET /sapi/v1/account/apiRestrictions</c> (signed, weight 1).</summary>
    /// <exception cref="ExchangeException">Binance refused the request (e.g. -2015 invalid key or IP) or did not answer.</exception>
    public async Task<ApiKeyRestrictions> GetApiRestrictionsAsync(CancellationToken cancellationToken = default)
    {
        if (_clock.NeedsSync)
        {
            await SyncSpotTimeAsync(cancellationToken).ConfigureAwait(false);
        }

        var reply = await _rest.SendAsync(SpotEndpoints.ApiRestrictions, [], cancellationToken).ConfigureAwait(false);
        try
        {
            return new ApiKeyRestrictions(
                reply.Bool("ipRestrict"),
                reply.TimeOrNull("createTime"),
                reply.Bool("enableReading"),
                reply.Bool("enableFutures"),
                reply.Bool("enableWithdrawals"),
                reply.Bool("enableSpotAndMarginTrading"),
                reply.Bool("enableInternalTransfer"),
                reply.Bool("permitsUniversalTransfer"));
        }
        catch (FormatException ex)
        {
            throw new ExchangeProtocolException($"Unexpected apiRestrictions reply: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    // The shared transport syncs on /fapi/v1/time, which the spot host does not serve: measure on /api/v3/time first.
    private async Task SyncSpotTimeAsync(CancellationToken cancellationToken)
    {
        var sent = _clock.LocalNow;
        var reply = await _rest.SendAsync(SpotEndpoints.ServerTime, [], cancellationToken).ConfigureAwait(false);
        var received = _clock.LocalNow;
        try
        {
            _clock.Record(sent, received, reply.Time("serverTime"));
        }
        catch (FormatException ex)
        {
            throw new ExchangeProtocolException($"Unexpected /api/v3/time reply: {ex.Message}", ex);
        }
    }
}
