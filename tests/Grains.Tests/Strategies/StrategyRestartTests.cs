using TradingBot.Contracts.Grains;
using TradingBot.Grains.Tests.Support;
using TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;

namespace TradingBot.Grains.Tests.Strategies;

/// <summary>
/// The used evidence survives a restart (SQLite state, the checkpoint plus the recent keys): replaying the very
/// market that made A and C fire does not make them fire again.
/// </summary>
public sealed class StrategyRestartTests
{
    [Fact]
    public async Task After_a_restart_the_same_setup_does_not_fire_again()
    {
        var scenario = Scenarios.AAndCOnTheSameBar();
        var dataDirectory = Directory.CreateTempSubdirectory("strategy-restart-").FullName;

        // The scenario ends with the trigger bar, so once A and C fired every snapshot has been judged.
        var first = await ReplayAsync(scenario, dataDirectory, s => s["A"].SignalsProposed >= 1 && s["C"].SignalsProposed >= 1);
        first["A"].SignalsProposed.Should().Be(1);
        first["C"].SignalsProposed.Should().Be(1);
        var judged = first.Values.Min(s => s.BarsEvaluated);

        var second = await ReplayAsync(scenario, dataDirectory, s => s.Values.All(v => v.BarsEvaluated >= judged));
        second["A"].SignalsProposed.Should().Be(1, "the evidence A used is remembered across the restart");
        second["C"].SignalsProposed.Should().Be(1);
        second["A"].LastSignalAt.Should().Be(scenario.TriggerClose);
        second["A"].BarsEvaluated.Should().BePositive("the market was replayed and judged");
    }

    private static async Task<Dictionary<string, StrategyStatus>> ReplayAsync(ScriptedScenario scenario, string dataDirectory, Func<Dictionary<string, StrategyStatus>, bool> done)
    {
        var exchange = new MemoryExchange { Now = scenario.LiveFrom };
        exchange.History[scenario.Symbol] = scenario.History.ToList();
        await exchange.SetPrice(scenario.Symbol, exchange.History[scenario.Symbol][^1].Close);
        await using var silo = await TradingSilo.StartAsync(exchange, dataDirectory);
        var symbol = silo.Client.GetGrain<ISymbolGrain>(scenario.Symbol);
        foreach (var candle in scenario.Live)
        {
            exchange.Now = candle.CloseTime;
            await exchange.SetPrice(scenario.Symbol, candle.Close);
            await symbol.OnCandleClosedAsync(candle);
        }

        var statuses = new Dictionary<string, StrategyStatus>(StringComparer.Ordinal);
        for (var i = 0; i < 500; i++)
        {
            foreach (var name in new[] { "A", "B", "C" })
            {
                statuses[name] = await silo.Client.GetGrain<IStrategyGrain>(name).GetStatusAsync();
            }

            if (done(statuses))
            {
                return statuses;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the strategies did not judge the replayed market");
    }
}
