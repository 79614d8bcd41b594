using TradingBot.Exchange.Model;

namespace TradingBot.Exchange.Port;

/// <summary>Public market data: time, instrument rules, candles, mark price.</summary>
public interface IFuturesMarketData
{
    /// <summary>Exchange server time (UTC).</summary>
    Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default);

    /// <summary>Rules of every symbol (exchangeInfo); cached by the Binance client, refreshed on an interval.</summary>
    Task<IReadOnlyList<InstrumentRules>> GetInstrumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Rules of one symbol; throws <see cref="ExchangeRejectedException"/> when unknown.</summary>
    Task<InstrumentRules> GetInstrumentAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>CLOSED candles in [From, To] oldest first; pages transparently and drops the still-open candle.</summary>
    Task<IReadOnlyList<Kline>> GetKlinesAsync(KlineQuery query, CancellationToken cancellationToken = default);

    /// <summary>Current mark price and funding (premiumIndex).</summary>
    Task<MarkPrice> GetMarkPriceAsync(string symbol, CancellationToken cancellationToken = default);
}
