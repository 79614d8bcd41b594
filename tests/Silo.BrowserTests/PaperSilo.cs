using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Dashboard.Security;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Runtime;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.BrowserTests;

/// <summary>
/// The real silo in paper mode, in process: embedded simulator + real Binance client + real grains +
/// dashboard on a free loopback port, with a known dashboard password. The replay is off
/// (<c>Exchange:PaperSpeed = 0</c>), so nothing moves unless a test pushes prices into the simulator:
/// no strategy can fire on its own and every position is the test's.
/// </summary>
public sealed class PaperSilo : IAsyncLifetime
{
    public const string Password = "paper-dashboard-test-password";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("silo-browser-");
    private WebApplication? _app;

    public WebApplication App => _app ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    public IClusterClient Client => Services.GetRequiredService<IClusterClient>();

    public SimulatorInstance Simulator => Services.GetRequiredService<ExchangeConnection>().Simulator!;

    public static Dictionary<string, string?> Overrides(string directory, bool trading = true) => new()
    {
        ["Silo:Urls"] = "http://127.0.0.1:0",
        ["Silo:Mode"] = "paper",
        ["Silo:Trading"] = trading ? "true" : "false",
        ["Silo:DataDirectory"] = Path.Combine(directory, "data"),
        ["Silo:LogDirectory"] = Path.Combine(directory, "logs"),
        ["Dashboard:PasswordHash"] = PasswordHashing.Hash(Password),
        ["Exchange:PaperSpeed"] = "0",
        // The history the grains load at start: enough for the ICT engines, small enough for a fast start.
        ["Trading:HistoryCandles"] = "300",
    };

    public async Task InitializeAsync()
    {
        _app = await SiloHost.BuildAsync(Overrides(_directory.FullName));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PaperSiloCollection : ICollectionFixture<PaperSilo>
{
    public const string Name = "paper silo";
}
