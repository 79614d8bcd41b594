using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradingBot.Chaos.Process;

/// <summary>
/// Reads the silo's own grain metrics (<c>GET /api/cluster/snapshot</c>, behind the dashboard login) to compute the
/// handler error rate: grain calls that threw per grain call.
/// </summary>
internal sealed class SiloMetrics : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _password;
    private bool _loggedIn;

    public SiloMetrics(int port, string password)
    {
        _password = password;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(5),
        };
    }

    /// <summary>(errors per second, calls per second) over the silo's metrics window, or null when not available.</summary>
    public async Task<(double Errors, double Calls)?> SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_loggedIn && !await LogInAsync(cancellationToken))
            {
                return null;
            }

            using var response = await _http.GetAsync("/api/cluster/snapshot", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                _loggedIn = false;
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return (json.RootElement.GetProperty("errorsPerSecond").GetDouble(), json.RootElement.GetProperty("callsPerSecond").GetDouble());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<bool> LogInAsync(CancellationToken cancellationToken)
    {
        using var tokenDocument = JsonDocument.Parse(await _http.GetStringAsync("/auth/antiforgery", cancellationToken));
        var header = tokenDocument.RootElement.GetProperty("headerName").GetString()!;
        var token = tokenDocument.RootElement.GetProperty("token").GetString()!;
        using var login = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { password = _password }) };
        login.Headers.Add(header, token);
        using var response = await _http.SendAsync(login, cancellationToken);
        _loggedIn = response.IsSuccessStatusCode;
        return _loggedIn;
    }
}
