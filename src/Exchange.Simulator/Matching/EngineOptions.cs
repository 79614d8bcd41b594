namespace TradingBot.Exchange.Simulator.Matching;

/// <summary>Tunables of the matching engine. Defaults follow Binance VIP 0 USDⓈ-M.</summary>
public sealed record EngineOptions
{
    /// <summary>Fee rate for fills of resting (maker) orders.</summary>
    public decimal MakerFeeRate { get; init; } = 0.0002m;

    /// <summary>Fee rate for MARKET, triggered *_MARKET and crossing LIMIT fills.</summary>
    public decimal TakerFeeRate { get; init; } = 0.0005m;

    /// <summary>MARKET fill price = last × (1 ± slippage) rounded away from the taker to the tick.</summary>
    public decimal MarketSlippage { get; init; }

    /// <summary>Maintenance margin rate used for isolated liquidation.</summary>
    public decimal MaintenanceMarginRate { get; init; } = 0.004m;

    /// <summary>Funding rate applied at each funding time.</summary>
    public decimal FundingRate { get; init; } = 0.0001m;

    /// <summary>Funding interval (times are multiples of it since the Unix epoch: 00:00, 08:00, 16:00 UTC).</summary>
    public TimeSpan FundingInterval { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Default leverage of a symbol the account never configured.</summary>
    public int DefaultLeverage { get; init; } = 20;

    /// <summary>Default margin type of a symbol the account never configured.</summary>
    public MarginType DefaultMarginType { get; init; } = MarginType.Crossed;

    /// <summary>
    /// When true a triggered conditional order emits its child's fill (ORDER_TRADE_UPDATE NEW/TRADE and ACCOUNT_UPDATE)
    /// right after TRIGGERING and only then ALGO_UPDATE TRIGGERED/FINISHED — the ordering observed live that clients must tolerate.
    /// Default: TRIGGERING → TRIGGERED(ai) → child NEW → TRADE → ACCOUNT_UPDATE → FINISHED.
    /// </summary>
    public bool ChildFillBeforeTriggered { get; init; }

    /// <summary>Order of the candle extremes in the intrabar path.</summary>
    public IntrabarPathMode IntrabarPath { get; init; } = IntrabarPathMode.ByCandleColour;

    /// <summary>Max open regular orders per symbol (MAX_NUM_ORDERS).</summary>
    public int MaxOpenOrdersPerSymbol { get; init; } = 200;

    /// <summary>Symbols traded; the first is the default for tests.</summary>
    public IReadOnlyList<SymbolSpec> Symbols { get; init; } = [SymbolSpec.BtcUsdt, SymbolSpec.EthUsdt];
}
