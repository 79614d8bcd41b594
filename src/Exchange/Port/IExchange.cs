namespace TradingBot.Exchange.Port;

/// <summary>
/// Everything a trading grain needs from a futures exchange. Implemented by the Binance client
/// (mainnet, demo or the loopback simulator) and by in-process simulated exchanges for backtests.
/// </summary>
public interface IExchange : IFuturesMarketData, IFuturesAccount, IFuturesTrading, IFuturesStreams
{
}
