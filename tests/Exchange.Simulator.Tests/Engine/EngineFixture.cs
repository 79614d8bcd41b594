using TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Exchange.Simulator.Tests.Engine;

internal static class EngineFixture
{
    public const string Key = "key-1";
    public static readonly DateTimeOffset T0 = new(2025, 5, 5, 1, 0, 0, TimeSpan.Zero);

    public static MatchingEngine Create(EngineOptions? options = null, decimal btc = 50_000m, decimal balance = 10_000m)
    {
        var engine = new MatchingEngine(options);
        engine.AddAccount(new AccountSpec(Key, "secret-1", balance));
        engine.AdvanceTo("BTCUSDT", T0, btc);
        engine.AdvanceTo("ETHUSDT", T0, 2_000m);
        engine.DrainEvents();
        return engine;
    }

    public static string Describe(UserEvent e) => e switch
    {
        OrderTradeUpdate o => $"ORDER {o.Order.OrderId} {o.Execution} {o.Order.Status}",
        AccountUpdate a => $"ACCOUNT {a.Reason}",
        AlgoUpdate g => $"ALGO {g.Algo.Status}",
        AccountConfigUpdate => "CONFIG",
        _ => e.GetType().Name,
    };
}
