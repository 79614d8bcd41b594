using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Risk;

/// <summary>
/// Sizes an entry so that the stop loses <see cref="RiskSettings.RiskPerTrade"/> of the balance,
/// capped by the margin available at the configured leverage, rounded by the exchange's filters.
/// </summary>
public static class PositionSizer
{
    public static SizingResult Size(TradeSignal signal, decimal balance, decimal available, InstrumentRules rules, RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(settings);
        var isLong = signal.Direction == Direction.Bullish;

        // Stops round away from the entry so the rounded risk never exceeds the sized risk.
        var stop = isLong ? rules.FloorPrice(signal.StopLoss) : rules.CeilingPrice(signal.StopLoss);
        var takeProfit = rules.RoundPrice(signal.TakeProfit);
        var riskPerUnit = isLong ? signal.Entry - stop : stop - signal.Entry;
        var rewardPerUnit = isLong ? takeProfit - signal.Entry : signal.Entry - takeProfit;
        if (riskPerUnit <= 0 || rewardPerUnit <= 0)
        {
            return SizingResult.Refuse("levels", $"stop {stop} and target {takeProfit} must sit on opposite sides of entry {signal.Entry}");
        }

        var rewardToRisk = rewardPerUnit / riskPerUnit;
        if (rewardToRisk < settings.MinRewardToRisk)
        {
            return SizingResult.Refuse("reward-to-risk", $"reward:risk {rewardToRisk:0.##} is below the minimum {settings.MinRewardToRisk:0.##}");
        }

        if (balance <= 0)
        {
            return SizingResult.Refuse("balance", "no balance");
        }

        var byRisk = balance * settings.RiskPerTrade / riskPerUnit;
        var marginBudget = Math.Max(0, available) * settings.MaxMarginUse;
        var perUnitCost = (signal.Entry / settings.Leverage) + (signal.Entry * settings.TakerFee);
        var byMargin = perUnitCost <= 0 ? 0 : marginBudget / perUnitCost;
        var quantity = rules.FloorQuantity(Math.Min(Math.Min(byRisk, byMargin), rules.MaxQuantity));
        if (quantity < rules.MinQuantity || quantity <= 0)
        {
            return SizingResult.Refuse("min-quantity", $"sized quantity {quantity} is below the exchange minimum {rules.MinQuantity}");
        }

        if (quantity * signal.Entry < rules.MinNotional)
        {
            return SizingResult.Refuse("min-notional", $"notional {quantity * signal.Entry:0.##} is below the exchange minimum {rules.MinNotional}");
        }

        return new SizingResult(true, quantity, stop, takeProfit, quantity * riskPerUnit, null, null);
    }
}
