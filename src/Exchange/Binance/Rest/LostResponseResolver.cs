using Microsoft.Extensions.Logging;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Rest;

/// <summary>
/// Order creation with lost-response safety: the order request is sent ONCE. If its outcome is unknown
/// (timeout, 5xx, -1000/-1006/-1007, connection reset, unreadable reply) or the client id is reported as a duplicate
/// (-4116), the order is looked up by client id with back-off for a grace period and adopted when found.
/// It is never re-sent here.
/// </summary>
internal sealed class LostResponseResolver(TimeProvider timeProvider, TimeSpan gracePeriod, TimeSpan initialDelay, ILogger logger)
{
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromSeconds(2);

    public async Task<T> PlaceAsync<T>(
        string clientId,
        Func<CancellationToken, Task<T>> send,
        Func<CancellationToken, Task<T?>> queryByClientId,
        CancellationToken cancellationToken)
        where T : class
    {
        ExchangeException cause;
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException ex) when (ex.ErrorClass is ExchangeErrorClass.UnknownOutcome or ExchangeErrorClass.Duplicate)
        {
            cause = ex;
        }

        logger.LogWarning(cause, "Order {ClientId}: outcome unknown ({Reason}); reconciling by client id", clientId, cause.Message);
        var deadline = timeProvider.GetUtcNow() + gracePeriod;
        var delay = initialDelay;
        var first = true;
        while (true)
        {
            if (!first)
            {
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 > s_maxDelay ? s_maxDelay : delay * 2;
            }

            first = false;
            try
            {
                var found = await queryByClientId(cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    logger.LogInformation("Order {ClientId}: found after unknown outcome; adopted", clientId);
                    return found;
                }
            }
            catch (ExchangeException ex) when (ex is not ExchangeAuthException)
            {
                logger.LogDebug(ex, "Order {ClientId}: reconciliation query failed; will retry", clientId);
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                break;
            }
        }

        throw new ExchangeUnknownOutcomeException(
            cause.Code,
            cause.HttpStatus,
            $"Order {clientId}: not found within {gracePeriod} after an unknown outcome ({cause.Message}). "
            + "Presume not placed; resend only with a NEW client id and keep watching the user stream for the old one.",
            cause);
    }
}
