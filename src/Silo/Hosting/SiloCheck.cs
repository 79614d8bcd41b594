using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Operations.Secrets;

namespace TradingBot.Silo.Hosting;

/// <summary>
/// <c>trading-bot check</c>: configuration, keys (never printed), .env permissions, exchange reachability,
/// clock offset, account access, symbol rules and fees — one line each, OK or FAIL.
/// </summary>
public static class SiloCheck
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("TRADINGBOT_")
            .AddInMemoryCollection(overrides)
            .Build();
        var failures = 0;
        void Report(bool ok, string what, string detail)
        {
            failures += ok ? 0 : 1;
            output.WriteLine($"{(ok ? "OK  " : "FAIL")}  {what,-22} {detail}");
        }

        var mode = configuration["Silo:Mode"] ?? "paper";
        TradingOptions trading;
        ExchangeSettings exchangeSettings;
        try
        {
            trading = configuration.GetSection(TradingOptions.Section).Get<TradingOptions>() ?? new TradingOptions();
            exchangeSettings = configuration.GetSection(ExchangeSettings.Section).Get<ExchangeSettings>() ?? new ExchangeSettings();
        }
        catch (InvalidOperationException ex)
        {
            Report(false, "configuration", ex.Message);
            return 1;
        }

        var errors = TradingOptionsValidator.Validate(trading);
        Report(errors.Count == 0, "configuration", errors.Count == 0 ? $"mode {mode}; symbols {string.Join(",", trading.Symbols)}; strategies {string.Join(",", trading.Strategies)}" : string.Join(" ", errors));

        if (mode is "testnet" or "mainnet")
        {
            var key = Environment.GetEnvironmentVariable(ExchangeSettings.ApiKeyVariable);
            var secret = Environment.GetEnvironmentVariable(ExchangeSettings.ApiSecretVariable);
            Report(!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(secret), "api keys",
                string.IsNullOrWhiteSpace(key) ? $"{ExchangeSettings.ApiKeyVariable} is not set" : $"key ending …{key[^Math.Min(4, key.Length)..]} and a secret are set");
            var env = EnvFilePermissionCheck.Check(EnvFilePermissionCheck.ResolvePath(Directory.GetCurrentDirectory()));
            Report(env.IsSecure || mode == "testnet", ".env permissions", env.IsSecure ? "readable by its owner only" : env.Error ?? "not secure");
        }

        if (mode == "mainnet")
        {
            Report(exchangeSettings.ConfirmMainnet, "mainnet confirmation", exchangeSettings.ConfirmMainnet ? "Exchange:ConfirmMainnet is true" : "Exchange:ConfirmMainnet is not true");
        }

        ExchangeConnection? connection = null;
        try
        {
            connection = await ExchangeConnection.OpenAsync(mode, exchangeSettings, trading.Symbols, NullLoggerFactory.Instance, cancellationToken);
            var exchange = connection.Exchange;
            var serverTime = await exchange.GetServerTimeAsync(cancellationToken);
            Report(true, "exchange reachable", $"{connection.Client.Options.Environment.RestBase} answered, server time {serverTime:u}");
            var offset = connection.Client.ClockOffset;
            Report(Math.Abs(offset.TotalMilliseconds) < 1000, "clock offset", $"{offset.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms (recvWindow 5000 ms)");
            var account = await exchange.GetAccountAsync(cancellationToken);
            Report(true, "account access", $"wallet {account.TotalWalletBalance.ToString("0.##", CultureInfo.InvariantCulture)} USDT, available {account.AvailableBalance.ToString("0.##", CultureInfo.InvariantCulture)}, {account.Positions.Count(p => p.Quantity != 0)} open position(s)");
            foreach (var symbol in trading.Symbols)
            {
                var rules = await exchange.GetInstrumentAsync(symbol, cancellationToken);
                var fees = await exchange.GetCommissionRateAsync(symbol, cancellationToken);
                Report(rules.IsTrading, $"symbol {symbol}", $"{rules.Status}, tick {rules.Price.TickSize}, step {(rules.MarketLotSize ?? rules.LotSize).StepSize}, min notional {rules.MinNotional}, fees maker {fees.Maker} / taker {fees.Taker}");
            }
        }
        catch (ConfigurationException ex)
        {
            Report(false, "exchange", ex.Message);
        }
        catch (Exception ex) when (ex is ExchangeException or HttpRequestException or TaskCanceledException)
        {
            Report(false, "exchange", ex.Message);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }

        output.WriteLine(failures == 0 ? "All checks passed." : $"{failures} check(s) failed.");
        return failures == 0 ? 0 : 1;
    }
}
