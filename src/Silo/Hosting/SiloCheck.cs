using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Exchange.Account;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using TradingBot.Operations.Secrets;
using TradingBot.Silo.Hosting.LiveConfig;

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
        IConfiguration configuration;
        try
        {
            configuration = SiloConfiguration.ReadOnce(overrides);
        }
        catch (ConfigurationException ex)
        {
            output.WriteLine($"FAIL  {"configuration",-22} {ex.Message}");
            return 1;
        }

        var failures = 0;
        void Report(bool ok, string what, string detail)
        {
            failures += ok ? 0 : 1;
            output.WriteLine($"{(ok ? "OK  " : "FAIL")}  {what,-22} {detail}");
        }

        void Skip(string what, string detail) => output.WriteLine($"SKIP  {what,-22} {detail}");

        var mode = configuration["Silo:Mode"] ?? "paper";
        TradingOptions trading;
        ExchangeSettings exchangeSettings;
        try
        {
            trading = TradingOptionsBinding.Read(configuration);
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
            connection = await ExchangeConnection.OpenAsync(mode, exchangeSettings, trading.Symbols, NullLoggerFactory.Instance, cancellationToken, enforceKeySafety: false);
            var exchange = connection.Exchange;
            var serverTime = await exchange.GetServerTimeAsync(cancellationToken);
            Report(true, "exchange reachable", $"{connection.Client.Options.Environment.RestBase} answered, server time {serverTime:u}");
            var offset = connection.Client.ClockOffset;
            Report(Math.Abs(offset.TotalMilliseconds) < 1000, "clock offset", $"{offset.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms (recvWindow 5000 ms)");
            var account = await exchange.GetAccountAsync(cancellationToken);
            Report(true, "account access", $"wallet {account.TotalWalletBalance.ToString("0.##", CultureInfo.InvariantCulture)} USDT, available {account.AvailableBalance.ToString("0.##", CultureInfo.InvariantCulture)}, {account.Positions.Count(p => p.Quantity != 0)} open position(s)");
            await ReportKeyPermissionsAsync(connection, Report, Skip, cancellationToken);
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

    /// <summary>Reading, futures, withdrawals and IP restriction of the key; withdrawals enabled or an unreadable answer fail.</summary>
    private static async Task ReportKeyPermissionsAsync(ExchangeConnection connection, Action<bool, string, string> report, Action<string, string> skip, CancellationToken cancellationToken)
    {
        const string What = "key permissions";
        ApiKeyRestrictions? restrictions;
        try
        {
            restrictions = await KeyPermissionGuard.ReadAsync(connection.Client.Options, NullLoggerFactory.Instance, cancellationToken);
        }
        catch (Exception ex) when (ex is ExchangeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            report(false, What, $"could not be read from GET /sapi/v1/account/apiRestrictions: {ex.Message}; mainnet start-up refuses an unverified key");
            return;
        }

        if (restrictions is null)
        {
            skip(What, "testnet (Binance Demo Trading) has no wallet API (/sapi): permissions cannot be read here; make sure withdrawals are off on the key's page");
            return;
        }

        var problems = KeyPermissionGuard.Problems(restrictions);
        var advice = restrictions.IpRestrict || connection.Mode != "mainnet" ? "" : " (consider restricting the key to this server's IP address)";
        report(problems.Count == 0, What, restrictions.Describe() + (problems.Count == 0 ? advice : " — " + string.Join("; ", problems)));
    }
}
