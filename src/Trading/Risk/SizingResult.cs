namespace TradingBot.Trading.Risk;

/// <summary>The outcome of sizing: a quantity with rounded levels, or the rule that refused it.</summary>
public sealed record SizingResult(bool Approved, decimal Quantity, decimal StopLoss, decimal TakeProfit, decimal RiskAmount, string? Rule, string? Detail)
{
    public static SizingResult Refuse(string rule, string detail) => new(false, 0, 0, 0, 0, rule, detail);
}
