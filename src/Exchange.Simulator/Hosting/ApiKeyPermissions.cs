namespace TradingBot.Exchange.Simulator.Hosting;

/// <summary>
/// What <c>GET /sapi/v1/account/apiRestrictions</c> reports for every simulated key. The default is the safe
/// key the PRD asks for (read + futures, no withdrawals); tests switch <see cref="EnableWithdrawals"/> on to see
/// the bot refuse to start.
/// </summary>
public sealed record ApiKeyPermissions
{
    public bool EnableReading { get; init; } = true;

    public bool EnableFutures { get; init; } = true;

    public bool EnableWithdrawals { get; init; }

    public bool IpRestrict { get; init; }

    public bool EnableSpotAndMarginTrading { get; init; }

    public bool EnableInternalTransfer { get; init; }

    public bool PermitsUniversalTransfer { get; init; }

    /// <summary>Reported creation time of the key.</summary>
    public DateTimeOffset CreateTime { get; init; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
