using System.Diagnostics;
using TradingBot.Runtime.CrashChild;
using TradingBot.Runtime.Storage;

namespace TradingBot.Runtime.Tests.Storage;

public sealed class CrashTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tb-crash-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Acknowledged_write_survives_killing_the_process_right_after_the_ack()
    {
        var childDll = Path.Combine(AppContext.BaseDirectory, "TradingBot.Runtime.CrashChild.dll");
        File.Exists(childDll).Should().BeTrue("the crash child is built next to the tests");
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { childDll, _path, "BINANCE:BTCUSDT", "5" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var child = Process.Start(startInfo)!;
        string? ack;
        try
        {
            ack = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        ack.Should().Be("ACK 5", await child.StandardError.ReadToEndAsync());
        using var storage = new SqliteGrainStorage(new SqliteGrainStorageOptions { DataSource = _path });
        var state = new TestGrainState<LedgerState>(new LedgerState());
        await storage.ReadStateAsync("ledger", new GrainId("ledger", "BINANCE:BTCUSDT"), state);
        state.RecordExists.Should().BeTrue();
        state.ETag.Should().Be("5");
        state.State.Entries.Should().Equal(1, 2, 3, 4, 5);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
