namespace TradingBot.Dashboard.Tests.Browser;

/// <summary>Browser tests run alone so that their latency figures are not skewed by the API tests' password hashing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
