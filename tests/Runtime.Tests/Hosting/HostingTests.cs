using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingBot.Runtime.Hosting;
using TradingBot.Runtime.Storage;
using TradingBot.Runtime.Tests.Grains;
using TradingBot.Runtime.Tests.Storage;
using TradingBot.Runtime.Tests.Support;

namespace TradingBot.Runtime.Tests.Hosting;

public sealed class HostingTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tb-host-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Host_shutdown_deactivates_every_grain_and_flushes_state()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new TestProbe());
        builder.Services.AddGrainRuntime(b => b
            .AddGrainsFromAssembly(typeof(FlushGrain).Assembly)
            .AddMemoryGrainStorage("Default")
            .AddSqliteGrainStorage("sqlite", _path)
            .Configure(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10)));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IClusterClient>();
        await client.GetGrain<IFlushGrain>("a").Set(41);
        await client.GetGrain<IFlushGrain>("b").Set(42);

        await host.StopAsync();

        using var storage = new SqliteGrainStorage(new SqliteGrainStorageOptions { DataSource = _path });
        foreach (var (key, expected) in new[] { ("a", 41), ("b", 42) })
        {
            var state = new TestGrainState<FlushState>(new FlushState());
            await storage.ReadStateAsync("flush", new GrainId("flush", key), state);
            state.State.Value.Should().Be(expected);
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
