using Microsoft.Extensions.DependencyInjection;
using TradingBot.Runtime.Hosting;
using TradingBot.Runtime.Testing;

namespace TradingBot.Runtime.Tests.Support;

/// <summary>Builds clusters with the test grains and a probe.</summary>
public static class Clusters
{
    public static async Task<(InProcessTestCluster Cluster, TestProbe Probe)> StartAsync(
        bool deterministic = false,
        bool manualTime = false,
        Action<GrainRuntimeBuilder>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var probe = new TestProbe();
        var builder = new InProcessTestClusterBuilder()
            .ConfigureServices(s =>
            {
                s.AddSingleton(probe);
                services?.Invoke(s);
            })
            .ConfigureSilo(b =>
            {
                b.AddGrainsFromAssembly(typeof(Clusters).Assembly)
                    .AddMemoryGrainStorage("Default")
                    .AddMemoryStreams("mem", o => o.RetryDelay = TimeSpan.Zero);
                configure?.Invoke(b);
            });
        if (deterministic)
        {
            builder.UseDeterministicMode();
        }
        else if (manualTime)
        {
            builder.UseManualTime();
        }

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return (cluster, probe);
    }

    public static string NewKey() => "k" + Guid.NewGuid().ToString("N")[..12];
}
