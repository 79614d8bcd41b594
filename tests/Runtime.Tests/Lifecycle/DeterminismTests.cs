using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Lifecycle;

public sealed class DeterminismTests
{
    [Fact]
    public async Task Same_inputs_produce_the_same_interleaving_in_deterministic_mode()
    {
        var first = await RunScenario();
        var second = await RunScenario();

        first.Should().HaveCountGreaterThan(100);
        second.Should().Equal(first);
    }

    private static async Task<IReadOnlyList<string>> RunScenario()
    {
        var (cluster, probe) = await Clusters.StartAsync(deterministic: true);
        await using (cluster)
        {
            var fanOut = cluster.Client.GetGrain<IFanOutGrain>("fan");
            await cluster.Client.GetGrain<ITimerGrain>("det").StartTicking(periodSeconds: 1, workSeconds: 0);
            for (var round = 0; round < 5; round++)
            {
                await fanOut.Run(12);
                await cluster.AdvanceTimeAsync(TimeSpan.FromMilliseconds(700));
            }

            return probe.Log;
        }
    }
}
