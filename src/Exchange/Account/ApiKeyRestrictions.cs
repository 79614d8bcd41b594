namespace TradingBot.Exchange.Account;

/// <summary>
/// What an API key may do, as Binance reports it (<c>GET /sapi/v1/account/apiRestrictions</c>).
/// The bot needs <see cref="EnableReading"/> and <see cref="EnableFutures"/>, and must never run with
/// <see cref="EnableWithdrawals"/> (PRD §6.3.1).
/// </summary>
/// <param name="IpRestrict">The key only works from whitelisted IP addresses.</param>
/// <param name="CreateTime">When the key was created; null when not reported.</param>
/// <param name="EnableReading">Balances, positions and orders can be read.</param>
/// <param name="EnableFutures">Futures trading is allowed (keys created before the futures account was opened cannot trade futures).</param>
/// <param name="EnableWithdrawals">Funds can be withdrawn with this key: refused on mainnet.</param>
/// <param name="EnableSpotAndMarginTrading">Spot and margin trading is allowed (not needed by the bot).</param>
/// <param name="EnableInternalTransfer">Transfers between master and sub accounts are allowed.</param>
/// <param name="PermitsUniversalTransfer">The universal transfer endpoint may be used.</param>
public sealed record ApiKeyRestrictions(
    bool IpRestrict,
    DateTimeOffset? CreateTime,
    bool EnableReading,
    bool EnableFutures,
    bool EnableWithdrawals,
    bool EnableSpotAndMarginTrading,
    bool EnableInternalTransfer,
    bool PermitsUniversalTransfer)
{
    /// <summary>One line for logs and <c>trading-bot check</c>, e.g. "reading yes, futures yes, withdrawals NO, IP restriction yes".</summary>
    public string Describe() =>
        $"reading {YesNo(EnableReading)}, futures {YesNo(EnableFutures)}, withdrawals {YesNo(EnableWithdrawals)}, IP restriction {YesNo(IpRestrict)}"
        + (EnableInternalTransfer || PermitsUniversalTransfer ? ", transfers yes" : "");

    private static string YesNo(bool value) => value ? "yes" : "no";
}
