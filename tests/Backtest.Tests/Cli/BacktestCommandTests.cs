using Microsoft.Data.Sqlite;
using TradingBot.Backtest.Cli;
using TradingBot.Backtest.Tests.Support;

namespace TradingBot.Backtest.Tests.Cli;

/// <summary>The backtest command end to end: outputs, and clear messages with exit code 2 for bad input.</summary>
public sealed class BacktestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bt-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Out, string Error)> RunAsync(BacktestCliOptions options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BacktestCommand.RunAsync(options with { Progress = false }, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Unknown_symbol_is_a_clear_error()
    {
        var (code, _, error) = await RunAsync(new BacktestCliOptions { Data = [TestData.CandlesFolder], Symbols = "SOLUSDT" });

        code.Should().Be(2);
        error.Should().Contain("Unknown symbol SOLUSDT");
    }

    [Fact]
    public async Task An_empty_range_is_a_clear_error()
    {
        var (code, _, error) = await RunAsync(new BacktestCliOptions { Data = [TestData.CandlesFolder], From = "2025-06-20", To = "2025-06-10" });

        code.Should().Be(2);
        error.Should().Contain("Empty range");
    }

    [Fact]
    public async Task Too_little_history_for_the_warm_up_is_a_clear_error()
    {
        TestData.Write(_folder, "BTCUSDT-1m-short.csv.gz", TestData.RandomWalk(Ms.Of(2024, 1, 1), 3_000));

        var (code, _, error) = await RunAsync(new BacktestCliOptions { Data = [_folder] });

        code.Should().Be(2);
        error.Should().Contain("not enough history");
    }

    [Fact]
    public async Task An_unreadable_file_is_named_in_the_error()
    {
        await File.WriteAllBytesAsync(Path.Combine(_folder, "BTCUSDT-1m-broken.csv.gz"), [1, 2, 3, 4, 5]);

        var (code, _, error) = await RunAsync(new BacktestCliOptions { Data = [_folder] });

        code.Should().Be(2);
        error.Should().Contain("BTCUSDT-1m-broken.csv.gz");
    }

    [Fact]
    public async Task A_malformed_row_is_reported_with_its_line()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "BTCUSDT-1m-bad.csv"), "open_time,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,3\n1704067260000,abc,2,0.5,1.5,3\n");

        var (code, _, error) = await RunAsync(new BacktestCliOptions { Data = [_folder] });

        code.Should().Be(2);
        error.Should().Contain("BTCUSDT-1m-bad.csv:3");
    }

    [Fact]
    public async Task Gaps_are_reported_not_filled_and_results_are_written_to_json_and_sqlite()
    {
        var bars = TestData.RandomWalk(Ms.Of(2024, 1, 1), 32_000);
        bars.RemoveRange(31_000, 7);
        TestData.Write(_folder, "BTCUSDT-1m-walk.csv.gz", bars);
        var report = Path.Combine(_folder, "report.json");
        var db = Path.Combine(_folder, "runs.db");

        var (code, output, error) = await RunAsync(new BacktestCliOptions { Data = [_folder], Out = report, Db = db, Strategies = "A,B" , Compare = true });

        code.Should().Be(0, error);
        output.Should().Contain("Gaps: 1 in the 1m data (7 bars missing)");
        output.Should().Contain("NOT filled");
        var json = await File.ReadAllTextAsync(report);
        json.Should().Contain("\"fingerprint\"").And.Contain("\"missingBars\": 7");
        SQLitePCL.Batteries_V2.Init();
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM backtest_runs; ";
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(3, "A+B together, then A and B alone");
        command.CommandText = "SELECT COUNT(*) FROM backtest_equity;";
        ((long)(await command.ExecuteScalarAsync())!).Should().BeGreaterThan(3);
        command.CommandText = "SELECT COUNT(*) FROM backtest_metrics WHERE scope = 'strategy';";
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(4);
    }
}
