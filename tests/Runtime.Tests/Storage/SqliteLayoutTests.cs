using Microsoft.Data.Sqlite;
using TradingBot.Runtime.Storage;

namespace TradingBot.Runtime.Tests.Storage;

public sealed class SqliteLayoutTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tb-layout-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Table_is_shaped_like_OrleansStorage_with_integer_versions_and_clear_keeping_the_row()
    {
        using (var storage = new SqliteGrainStorage(new SqliteGrainStorageOptions { DataSource = _path, ServiceId = "svc" }))
        {
            var state = new TestGrainState<ConformanceState>(new ConformanceState { Value = 1 });
            await storage.WriteStateAsync("position", new GrainId("position", "BINANCE:BTCUSDT"), state);
            await storage.WriteStateAsync("position", new GrainId("position", "BINANCE:BTCUSDT"), state);
            await storage.ClearStateAsync("position", new GrainId("position", "BINANCE:BTCUSDT"), state);
        }

        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode;";
            ((string)pragma.ExecuteScalar()!).Should().Be("wal");
        }

        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "PRAGMA table_info(OrleansStorage);";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(1));
            }
        }

        columns.Should().Equal("GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId", "PayloadBinary", "ModifiedOn", "Version");
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary IS NULL, Version, GrainIdN0, GrainIdN1 FROM OrleansStorage;";
        using var row = select.ExecuteReader();
        row.Read().Should().BeTrue();
        row.GetString(0).Should().Be("position");
        row.GetString(1).Should().Be("BINANCE:BTCUSDT");
        row.GetString(2).Should().Be("svc");
        row.GetBoolean(3).Should().BeTrue("clear nulls the payload and keeps the row");
        row.GetInt32(4).Should().Be(3, "insert=1, update=2, clear=3");
        row.GetInt64(5).Should().Be(0);
        row.Read().Should().BeFalse("one row per record");
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
