using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Account;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Port;

namespace TradingBot.Silo.Hosting;

/// <summary>
/// PRD §6.3.1: the bot never runs with a key that can withdraw funds. On mainnet it asks Binance what the key may
/// do (<c>GET /sapi/v1/account/apiRestrictions</c> on api.binance.com) and refuses to start when withdrawals are
/// enabled, when reading or futures trading is not, or when the answer cannot be had — an unverifiable key is
/// treated as unsafe.
/// </summary>
internal static partial class KeyPermissionGuard
{
    /// <summary>Reads the key's permissions; null when the environment has no wallet API (the futures demo).</summary>
    /// <exception cref="ExchangeException">The request failed or was refused.</exception>
    /// <exception cref="HttpRequestException">The host could not be reached.</exception>
    public static async Task<ApiKeyRestrictions?> ReadAsync(BinanceClientOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (BinanceApiKeyClient.SpotRestBaseFor(options.Environment) is not { } spot)
        {
            return null;
        }

        using var client = new BinanceApiKeyClient(options, spot, loggerFactory: loggerFactory);
        return await client.GetApiRestrictionsAsync(cancellationToken);
    }

    /// <summary>The reasons this key must not trade; empty when it is safe.</summary>
    public static IReadOnlyList<string> Problems(ApiKeyRestrictions restrictions)
    {
        ArgumentNullException.ThrowIfNull(restrictions);
        var problems = new List<string>();
        if (restrictions.EnableWithdrawals)
        {
            problems.Add("the API key has withdrawals enabled; create a key without the withdrawal permission (PRD §6.3.1) and put it in .env");
        }

        if (!restrictions.EnableReading)
        {
            problems.Add("the API key cannot read account data (enable \"Enable Reading\")");
        }

        if (!restrictions.EnableFutures)
        {
            problems.Add("the API key cannot trade futures (enable \"Enable Futures\"; keys created before the futures account was opened cannot)");
        }

        return problems;
    }

    /// <summary>Checks the key and throws when it must not trade (start-up then exits with code 2).</summary>
    /// <exception cref="ConfigurationException">Withdrawals are enabled, a needed permission is missing, or the check could not be made.</exception>
    public static async Task EnsureSafeAsync(BinanceClientOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ApiKeyRestrictions? restrictions;
        try
        {
            restrictions = await ReadAsync(options, loggerFactory, cancellationToken);
        }
        catch (Exception ex) when (ex is ExchangeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ConfigurationException(
                $"refusing to start: the API key's permissions could not be verified ({ex.Message}). The bot only trades with a key whose withdrawals are known to be disabled; " +
                "check that the key may call GET /sapi/v1/account/apiRestrictions on api.binance.com (IP whitelist, clock) and retry.");
        }

        if (restrictions is null)
        {
            return;
        }

        var logger = loggerFactory.CreateLogger("TradingBot.Silo.KeySafety");
        if (Problems(restrictions) is { Count: > 0 } problems)
        {
            throw new ConfigurationException("refusing to start: " + string.Join("; ", problems) + ".");
        }

        LogVerified(logger, restrictions.Describe());
    }

    /// <summary>Testnet (Binance Demo Trading) has no wallet API: say so once at start.</summary>
    public static void LogNotVerifiable(ILoggerFactory loggerFactory, string mode)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        LogSkipped(loggerFactory.CreateLogger("TradingBot.Silo.KeySafety"), mode);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key permissions not verified: {Mode} (Binance Demo Trading) has no wallet API /sapi; make sure the key has withdrawals disabled")]
    private static partial void LogSkipped(ILogger logger, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key permissions verified: {Permissions}")]
    private static partial void LogVerified(ILogger logger, string permissions);
}
