using TradingBot.Contracts.Market;
using TradingBot.Exchange.Model;
using ContractSide = TradingBot.Contracts.Trading.OrderSide;
using ExchangeSide = TradingBot.Exchange.Model.OrderSide;

namespace TradingBot.Grains.Mapping;

/// <summary>Translates the exchange port's records into the grain contracts.</summary>
internal static class ExchangeMapping
{
    public static KlineInterval ToInterval(Timeframe timeframe) => timeframe.Minutes switch
    {
        1 => KlineInterval.OneMinute,
        15 => KlineInterval.FifteenMinutes,
        60 => KlineInterval.OneHour,
        _ => throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "The bot trades 1m, 15m and 1h."),
    };

    public static Timeframe ToTimeframe(KlineInterval interval) => new((int)interval.Duration().TotalMinutes);

    public static Candle ToCandle(Kline kline) =>
        new(kline.Symbol, ToTimeframe(kline.Interval), kline.OpenTime, kline.Open, kline.High, kline.Low, kline.Close, kline.Volume);

    public static ExchangeSide ToExchange(ContractSide side) => side == ContractSide.Buy ? ExchangeSide.Buy : ExchangeSide.Sell;

    public static ContractSide ToContract(ExchangeSide side) => side == ExchangeSide.Buy ? ContractSide.Buy : ContractSide.Sell;

    public static Trading.Risk.InstrumentRules ToRules(InstrumentRules rules)
    {
        var lot = rules.MarketLotSize ?? rules.LotSize;
        return new Trading.Risk.InstrumentRules(rules.Symbol, rules.Price.TickSize, lot.StepSize, lot.MinQuantity, lot.MaxQuantity, rules.MinNotional);
    }
}
