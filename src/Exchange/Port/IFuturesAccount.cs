using TradingBot.Exchange.Model;

namespace TradingBot.Exchange.Port;

/// <summary>Account state and per-symbol/account configuration.</summary>
public interface IFuturesAccount
{
    /// <summary>Wallet balances (GET /fapi/v3/balance).</summary>
    Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(CancellationToken cancellationToken = default);

    /// <summary>Account totals, assets and open positions (GET /fapi/v3/account).</summary>
    Task<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken = default);

    /// <summary>Positions (GET /fapi/v3/positionRisk); <paramref name="symbol"/> null = all symbols with a position or open orders.</summary>
    Task<IReadOnlyList<Position>> GetPositionsAsync(string? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>The account's maker/taker rates for a symbol.</summary>
    Task<CommissionRate> GetCommissionRateAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Sets initial leverage (1..125, bracket limited).</summary>
    Task<LeverageSetting> SetLeverageAsync(string symbol, int leverage, CancellationToken cancellationToken = default);

    /// <summary>Sets margin type; "already set" (-4046) is <see cref="ConfigChangeOutcome.AlreadySet"/>, not an error.</summary>
    Task<ConfigChangeOutcome> SetMarginTypeAsync(string symbol, MarginType marginType, CancellationToken cancellationToken = default);

    /// <summary>Sets account-wide position mode (false = one-way); "already set" (-4059) is <see cref="ConfigChangeOutcome.AlreadySet"/>.</summary>
    Task<ConfigChangeOutcome> SetPositionModeAsync(bool hedgeMode, CancellationToken cancellationToken = default);
}
