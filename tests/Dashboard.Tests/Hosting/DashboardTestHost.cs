using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Dashboard.Health;
using TradingBot.Dashboard.Ports;
using TradingBot.Dashboard.Ports.Cluster;
using TradingBot.Dashboard.Ports.Control;
using TradingBot.Dashboard.Ports.Trading;
using TradingBot.Dashboard.Security;
using TradingBot.Dashboard.Tests.Fakes;

namespace TradingBot.Dashboard.Tests.Hosting;

/// <summary>
/// A real Kestrel server on 127.0.0.1:0 wired like the silo wires the dashboard
/// (AddTradingDashboard + MapHealth + MapTradingDashboard) with in-memory fakes behind the ports.
/// </summary>
public sealed class DashboardTestHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    // Hashing is deliberately slow (PBKDF2); one hash serves every host.
    public static readonly string PasswordHash = PasswordHashing.Hash(Password);

    private readonly string _directory;

    private DashboardTestHost(WebApplication app, string directory, Uri baseAddress)
    {
        App = app;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string AuditDatabasePath => Path.Combine(_directory, "audit.db");

    public FakeTradingSource Trading => App.Services.GetRequiredService<FakeTradingSource>();

    public FakeBotControl Control => App.Services.GetRequiredService<FakeBotControl>();

    public FakeClusterMetrics Cluster => App.Services.GetRequiredService<FakeClusterMetrics>();

    public IDashboardNotifier Notifier => App.Services.GetRequiredService<IDashboardNotifier>();

    internal CapturingAnnouncer Announcer => (CapturingAnnouncer)App.Services.GetRequiredService<IOneTimePasswordAnnouncer>();

    /// <summary>Starts a host. <paramref name="settings"/> override the defaults (hash configured, paper mode).</summary>
    public static async Task<DashboardTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tb-dash-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory, Args = [] });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var configuration = new Dictionary<string, string?>
        {
            ["Silo:Mode"] = "paper",
            ["Dashboard:PasswordHash"] = PasswordHash,
            ["Dashboard:AuditDatabasePath"] = Path.Combine(directory, "audit.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        if (clock is not null)
        {
            builder.Services.AddSingleton(new DashboardClock(clock));
        }

        builder.Services.AddSingleton<IOneTimePasswordAnnouncer, CapturingAnnouncer>();
        builder.Services.AddSingleton<FakeTradingSource>();
        builder.Services.AddSingleton<ITradingDashboardSource>(sp => sp.GetRequiredService<FakeTradingSource>());
        builder.Services.AddSingleton<FakeBotControl>();
        builder.Services.AddSingleton<IBotControl>(sp => sp.GetRequiredService<FakeBotControl>());
        builder.Services.AddSingleton<FakeClusterMetrics>();
        builder.Services.AddSingleton<IClusterMetricsSource>(sp => sp.GetRequiredService<FakeClusterMetrics>());
        builder.Services.AddSingleton(new SiloIdentity("paper", "0.0.0-test", DateTimeOffset.UtcNow, System.Diagnostics.Stopwatch.GetTimestamp()));
        builder.Services.AddTradingDashboard(builder.Configuration);

        var app = builder.Build();
        app.MapHealth();
        app.MapTradingDashboard();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new DashboardTestHost(app, directory, new Uri(address));
    }

    /// <summary>A client with its own cookie jar and no redirects followed.</summary>
    public HttpClient CreateClient()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Fetches an antiforgery token for the client's current session and sets it as a default header.</summary>
    public static async Task<string> ArmAntiforgeryAsync(HttpClient client)
    {
        var token = await client.GetFromJsonAsync<AntiforgeryTokenView>("/auth/antiforgery");
        client.DefaultRequestHeaders.Remove(token!.HeaderName);
        client.DefaultRequestHeaders.Add(token.HeaderName, token.Token);
        return token.Token;
    }

    public static async Task<HttpResponseMessage> TryLoginAsync(HttpClient client, string password)
    {
        await ArmAntiforgeryAsync(client);
        return await client.PostAsJsonAsync("/auth/login", new LoginRequest(password));
    }

    /// <summary>A signed-in client with an antiforgery header for its session.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync()
    {
        var client = CreateClient();
        var response = await TryLoginAsync(client, Password);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        await ArmAntiforgeryAsync(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
