using TradingBot.Exchange.Port;

namespace TradingBot.Silo.Hosting;

/// <summary>
/// Sets a new leverage on every traded symbol, all or nothing: when the exchange refuses one symbol, the symbols
/// already changed are put back to the previous leverage, so the account never trades with mixed settings.
/// Used by the dashboard's parameter form and by a live edit of the configuration files.
/// </summary>
internal static class LeverageRollout
{
    /// <summary>Null when every symbol took <paramref name="leverage"/>; else the refused symbol and the exchange's error.</summary>
    public static async Task<(string Symbol, ExchangeException Error)?> ApplyAsync(
        IExchange exchange, IReadOnlyList<string> symbols, int leverage, int previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(symbols);
        var changed = new List<string>();
        foreach (var symbol in symbols)
        {
            try
            {
                await exchange.SetLeverageAsync(symbol, leverage, cancellationToken);
                changed.Add(symbol);
            }
            catch (ExchangeException ex)
            {
                foreach (var done in changed)
                {
                    await exchange.SetLeverageAsync(done, previous, CancellationToken.None);
                }

                return (symbol, ex);
            }
        }

        return null;
    }
}
