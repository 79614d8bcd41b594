namespace TradingBot.Dashboard.Health;

/// <summary>
/// Adds facts to the health report (stream connection states, last closed candles, ...).
/// Contributors must be cheap and must never expose secrets: the endpoint is public.
/// </summary>
public interface IHealthContributor
{
    /// <summary>The key under which <see cref="DescribeAsync"/>'s value appears in the report's details.</summary>
    string Name { get; }

    /// <summary>A JSON-serialisable snapshot.</summary>
    ValueTask<object?> DescribeAsync();
}
