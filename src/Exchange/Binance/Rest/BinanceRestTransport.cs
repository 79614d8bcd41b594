using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Binance.Errors;
using TradingBot.Exchange.Binance.Json;
using TradingBot.Exchange.Binance.Signing;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Rest;

/// <summary>
/// The single REST sender: rate gate, timestamp + recvWindow, signing, API-key header, header bookkeeping,
/// error classification, -1021/-5028 clock resync with one retry, one retry after a 429 wait.
/// </summary>
internal sealed class BinanceRestTransport
{
    private readonly HttpClient _http;
    private readonly BinanceClientOptions _options;
    private readonly ServerClock _clock;
    private readonly RateLimitGate _gate;
    private readonly BinanceErrorCatalog _errors;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _syncLock = new(1, 1);
    private long _lastSendTicks = Environment.TickCount64;

    public BinanceRestTransport(HttpClient http, BinanceClientOptions options, ServerClock clock, RateLimitGate gate, ILogger logger)
    {
        _http = http;
        _options = options;
        _clock = clock;
        _gate = gate;
        _errors = BinanceErrorCatalog.Default;
        _logger = logger;
    }

    public ServerClock Clock => _clock;

    public RateLimitGate Gate => _gate;

    /// <summary>Wall-clock time since the last request started (what the connection pool's idle timeout sees).</summary>
    public TimeSpan IdleFor => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastSendTicks));

    /// <summary>Measures the clock offset with GET /fapi/v1/time.</summary>
    public async Task SyncTimeAsync(CancellationToken cancellationToken)
    {
        await _syncLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sent = _clock.LocalNow;
            var reply = await SendOnceAsync(Endpoints.ServerTime, [], null, cancellationToken).ConfigureAwait(false);
            var received = _clock.LocalNow;
            _clock.Record(sent, received, ReadServerTime(reply));
            _logger.LogDebug("Server clock offset {Offset}", _clock.Offset);
        }
        finally
        {
            _syncLock.Release();
        }
    }

    /// <summary>Sends a request and returns the parsed JSON reply (a detached clone).</summary>
    public async Task<JsonElement> SendAsync(
        BinanceEndpoint endpoint,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        CancellationToken cancellationToken,
        int? weight = null)
    {
        var resynced = false;
        var rateLimitRetried = false;
        while (true)
        {
            if (endpoint.Security == EndpointSecurity.Signed && _clock.NeedsSync)
            {
                await SyncTimeAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await SendOnceAsync(endpoint, parameters, weight, cancellationToken).ConfigureAwait(false);
            }
            catch (ExchangeNotExecutedException ex) when (ex.Code is -1021 or -5028 && !resynced && endpoint.Security == EndpointSecurity.Signed)
            {
                // Not executed by definition: re-measure the clock and retry exactly once.
                _logger.LogWarning("{Path}: {Code} timestamp outside recvWindow; resyncing clock and retrying once", endpoint.Path, ex.Code);
                _clock.MarkStale();
                resynced = true;
            }
            catch (ExchangeRateLimitException ex) when (ex.HttpStatus == 429 && !rateLimitRetried)
            {
                // The rejected request was not executed; the gate makes the retry wait for Retry-After.
                _logger.LogWarning("{Path}: 429, waiting until {RetryAt:O} before one retry", endpoint.Path, ex.RetryAt);
                rateLimitRetried = true;
            }
        }
    }

    private async Task<JsonElement> SendOnceAsync(
        BinanceEndpoint endpoint,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        int? weight,
        CancellationToken cancellationToken)
    {
        await _gate.AcquireAsync(weight ?? endpoint.Weight, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastSendTicks, Environment.TickCount64);
        using var request = BuildRequest(endpoint, parameters);

        // Network timeouts are wall-clock on purpose (the injected TimeProvider may be a replay/manual clock).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExchangeUnknownOutcomeException(null, null, $"{endpoint.Method} {endpoint.Path}: no reply within {_options.RequestTimeout}.", ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            throw new ExchangeNotExecutedException(null, null, $"{endpoint.Method} {endpoint.Path}: could not connect ({ex.HttpRequestError}).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ExchangeUnknownOutcomeException(null, null, $"{endpoint.Method} {endpoint.Path}: transport failure ({ex.HttpRequestError}).", ex);
        }
        catch (IOException ex)
        {
            throw new ExchangeUnknownOutcomeException(null, null, $"{endpoint.Method} {endpoint.Path}: connection lost ({ex.Message}).", ex);
        }

        using (response)
        {
            _gate.Observe(response.Headers);
            var status = (int)response.StatusCode;
            var (code, msg) = TryReadError(body);

            if (status is 429 or 418)
            {
                var until = _gate.Block(response.Headers);
                throw new ExchangeRateLimitException(code ?? -1003, status, until, $"{endpoint.Path}: HTTP {status} {msg}".TrimEnd());
            }

            if (!response.IsSuccessStatusCode || code is < 0)
            {
                var errorClass = _errors.Classify(code, status, msg);
                var message = $"{endpoint.Method} {endpoint.Path}: HTTP {status}{(code is null ? "" : $" code {code}")} {msg ?? Truncate(body)}".TrimEnd();
                throw ExchangeErrors.Create(errorClass, code, status, message);
            }

            return Parse(body, endpoint);
        }
    }

    private HttpRequestMessage BuildRequest(BinanceEndpoint endpoint, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var payload = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            Append(payload, key, value);
        }

        if (endpoint.Security == EndpointSecurity.Signed)
        {
            Append(payload, "recvWindow", ((long)_options.RecvWindow.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            Append(payload, "timestamp", _clock.ServerNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            var signature = BinanceSigner.Sign(_options.ApiSecret, payload.ToString());
            Append(payload, "signature", signature);
        }

        var inBody = endpoint.Method == HttpMethod.Post || endpoint.Method == HttpMethod.Put;
        var uri = new Uri(_options.Environment.RestBase, endpoint.Path + (inBody || payload.Length == 0 ? "" : "?" + payload));
        var request = new HttpRequestMessage(endpoint.Method, uri);
        if (inBody)
        {
            request.Content = new StringContent(payload.ToString(), Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        if (endpoint.Security != EndpointSecurity.None && _options.ApiKey.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", _options.ApiKey);
        }

        return request;
    }

    private static void Append(StringBuilder sb, string key, string value)
    {
        if (sb.Length > 0)
        {
            sb.Append('&');
        }

        sb.Append(key).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static (int? Code, string? Message) TryReadError(string body)
    {
        if (body.Length == 0 || body[0] != '{')
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var code = root.LongOrNull("code");
            return (code is null or > 0 ? null : (int)code.Value, root.StrOrNull("msg"));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return (null, null);
        }
    }

    private static JsonElement Parse(string body, BinanceEndpoint endpoint)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ExchangeProtocolException($"{endpoint.Path}: reply is not JSON: {Truncate(body)}", ex);
        }
    }

    private static DateTimeOffset ReadServerTime(JsonElement reply)
    {
        try
        {
            return RestParsers.ServerTime(reply);
        }
        catch (FormatException ex)
        {
            // A missing or zero serverTime would set a clock offset of decades and fail every signed request.
            throw new ExchangeProtocolException($"{Endpoints.ServerTime.Path}: {ex.Message}", ex);
        }
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
