using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Grains.Gateway;
using TradingBot.Operations.Secrets;

namespace TradingBot.Silo.Hosting;

/// <summary>
/// The exchange the silo trades on: the embedded loopback simulator (paper), Binance Demo Trading
/// (testnet) or Binance (mainnet) — always through the same Binance client.
/// </summary>
internal sealed class ExchangeConnection : IAsyncDisposable
{
    private readonly BinanceFuturesClient _client;

    private ExchangeConnection(BinanceFuturesClient client, TimeProvider marketClock, SimulatorInstance? simulator, string mode)
    {
        _client = client;
        MarketClock = marketClock;
        Simulator = simulator;
        Mode = mode;
    }

    public IExchange Exchange => _client;

    public BinanceFuturesClient Client => _client;

    /// <summary>"Now" for the grains: market time in paper mode, the machine's clock otherwise.</summary>
    public TimeProvider MarketClock { get; }

    public SimulatorInstance? Simulator { get; }

    public string Mode { get; }

    // enforceKeySafety: refuse (ConfigurationException) a key that can withdraw or whose permissions cannot be read —
    // always on mainnet, and elsewhere when Exchange:VerifyKeyPermissions is true. `check` passes false and reports
    // the permissions itself.
    public static async Task<ExchangeConnection> OpenAsync(string mode, ExchangeSettings settings, IReadOnlyList<string> symbols, ILoggerFactory loggerFactory, CancellationToken cancellationToken, bool enforceKeySafety = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (mode)
        {
            case "paper" when !string.IsNullOrWhiteSpace(settings.SimulatorUrl):
                return await OpenExternalSimulatorAsync(settings.SimulatorUrl, symbols, loggerFactory, cancellationToken, enforceKeySafety && settings.VerifyKeyPermissions == true);
            case "paper":
                var simulator = await SimulatorHost.StartAsync(new SimulatorOptions
                {
                    DataPaths = [ResolveCandles(settings.PaperCandles)],
                    Symbols = symbols,
                    Speed = settings.PaperSpeed,
                    Start = settings.PaperStart,
                    Port = 0,
                    StartingBalance = settings.PaperStartingBalance,
                }, loggerFactory, cancellationToken);
                var paperClient = new BinanceFuturesClient(
                    new BinanceClientOptions
                    {
                        Environment = BinanceEnvironment.Custom(simulator.RestBaseUrl, simulator.StreamBaseUrl, name: "paper"),
                        ApiKey = simulator.ApiKey,
                        ApiSecret = simulator.ApiSecret,
                    },
                    loggerFactory: loggerFactory);
                await paperClient.StartAsync(cancellationToken);
                return new ExchangeConnection(paperClient, new VenueClock(simulator.Venue), simulator, mode);
            case "testnet":
            case "mainnet":
                if (mode == "mainnet" && !settings.ConfirmMainnet)
                {
                    throw new ConfigurationException("Exchange:ConfirmMainnet must be true to trade real money on mainnet (set TRADINGBOT_Exchange__ConfirmMainnet=true).");
                }

                if (mode == "mainnet" && EnvFilePermissionCheck.Check(EnvFilePermissionCheck.ResolvePath(Directory.GetCurrentDirectory())) is { IsSecure: false } insecure)
                {
                    throw new ConfigurationException(insecure.Error ?? "the .env file must be readable by its owner only (chmod 600).");
                }

                var key = Environment.GetEnvironmentVariable(ExchangeSettings.ApiKeyVariable);
                var secret = Environment.GetEnvironmentVariable(ExchangeSettings.ApiSecretVariable);
                if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(secret))
                {
                    throw new ConfigurationException($"{ExchangeSettings.ApiKeyVariable} and {ExchangeSettings.ApiSecretVariable} must be set in .env or the environment for --env {mode}.");
                }

                var client = new BinanceFuturesClient(
                    new BinanceClientOptions
                    {
                        Environment = mode == "mainnet" ? BinanceEnvironment.Mainnet : BinanceEnvironment.Demo,
                        ApiKey = key,
                        ApiSecret = secret,
                    },
                    loggerFactory: loggerFactory);
                try
                {
                    await client.StartAsync(cancellationToken);
                    if (enforceKeySafety && (mode == "mainnet" || settings.VerifyKeyPermissions == true))
                    {
                        await KeyPermissionGuard.EnsureSafeAsync(client.Options, loggerFactory, cancellationToken);
                    }
                    else if (mode == "testnet")
                    {
                        KeyPermissionGuard.LogNotVerifiable(loggerFactory, mode);
                    }
                }
                catch
                {
                    await client.DisposeAsync();
                    throw;
                }

                return new ExchangeConnection(client, TimeProvider.System, null, mode);
            default:
                throw new ConfigurationException($"Silo:Mode = {mode} is not one of paper, testnet, mainnet.");
        }
    }

    private static async Task<ExchangeConnection> OpenExternalSimulatorAsync(string url, IReadOnlyList<string> symbols, ILoggerFactory loggerFactory, CancellationToken cancellationToken, bool verifyKey)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var rest) || rest.Scheme != Uri.UriSchemeHttp)
        {
            throw new ConfigurationException($"Exchange:SimulatorUrl = {url} is not an http:// address such as http://127.0.0.1:7000.");
        }

        var stream = new UriBuilder(rest) { Scheme = "ws" }.Uri;
        var client = new BinanceFuturesClient(
            new BinanceClientOptions
            {
                Environment = BinanceEnvironment.Custom(rest, stream, name: "paper-external"),
                ApiKey = SimulatorOptions.DemoApiKey,
                ApiSecret = SimulatorOptions.DemoSecret,
            },
            loggerFactory: loggerFactory);
        try
        {
            await client.StartAsync(cancellationToken);
            if (verifyKey)
            {
                await KeyPermissionGuard.EnsureSafeAsync(client.Options, loggerFactory, cancellationToken);
            }
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        var start = (await client.GetMarkPriceAsync(symbols[0], cancellationToken)).Time;
        return new ExchangeConnection(client, new ObservedMarketClock(start), null, "paper");
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }

    private static string ResolveCandles(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
