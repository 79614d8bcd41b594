namespace TradingBot.Silo.Tests.EndToEnd;

/// <summary>Polls a condition that another process or task makes true, with a clear timeout message.</summary>
internal static class Eventually
{
    public static async Task Async(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
