using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TradingBot.Dashboard.Ports.Trading;

namespace TradingBot.Silo.Dashboard;

/// <summary>
/// Stored backtest runs for the Trading page, read (read-only) from the SQLite file the backtester
/// writes with <c>trading-bot backtest ... --db FILE</c> (tables backtest_runs, backtest_equity,
/// backtest_metrics of <c>TradingBot.Backtest.Output.SqliteResultStore</c>). The file is
/// <c>Dashboard:BacktestDatabasePath</c>, default <c>{Silo:DataDirectory}/backtests.db</c>; when it is
/// missing or not a backtest store the list is empty.
/// </summary>
internal sealed partial class BacktestRunStore(string path, ILogger<BacktestRunStore> logger)
{
    /// <summary>Runs listed, newest first.</summary>
    public const int MaxRuns = 200;

    /// <summary>Equity points per curve; longer curves are thinned evenly (first and last kept).</summary>
    public const int MaxCurvePoints = 2000;

    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public string Path => path;

    public IReadOnlyList<BacktestRunSummaryView> List() =>
        Read(connection => Summaries(connection, "ORDER BY r.created_at DESC, r.run_id LIMIT $limit", ("$limit", MaxRuns))) ?? [];

    public BacktestRunView? Find(string id) => Read(connection =>
    {
        if (Summaries(connection, "WHERE r.run_id = $id", ("$id", id)).FirstOrDefault() is not { } summary)
        {
            return null;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT e.at, e.equity, r.initial_balance FROM backtest_equity e JOIN backtest_runs r ON r.run_id = e.run_id WHERE e.run_id = $id ORDER BY e.at";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var curve = new List<EquityPointView>();
        while (reader.Read())
        {
            var equity = Money(reader.GetString(1));
            curve.Add(new EquityPointView(Time(reader.GetString(0)), equity, equity - Money(reader.GetString(2))));
        }

        return new BacktestRunView(summary, Thin(curve));
    });

    private static List<BacktestRunSummaryView> Summaries(SqliteConnection connection, string tail, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.run_id, r.created_at, r.strategies, r.symbols, r.start_at, r.end_at, m.metrics FROM backtest_runs r " +
            "LEFT JOIN backtest_metrics m ON m.run_id = r.run_id AND m.scope = 'overall' " + tail;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var result = new List<BacktestRunSummaryView>();
        while (reader.Read())
        {
            result.Add(new BacktestRunSummaryView(
                reader.GetString(0),
                Time(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Time(reader.GetString(4)),
                Time(reader.GetString(5)),
                Metrics(reader.IsDBNull(6) ? null : reader.GetString(6))));
        }

        return result;
    }

    /// <summary>The backtester stores fractions (0.12 = 12 %); the view wants percent for returns and drawdown.</summary>
    private static BacktestMetricsView Metrics(string? json)
    {
        if (json is null)
        {
            return new BacktestMetricsView(0, 0, null, 0, 0, 0, 0);
        }

        var m = JsonDocument.Parse(json).RootElement;
        decimal Number(string name) => m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : 0;
        decimal? Optional(string name) => m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
        return new BacktestMetricsView(
            (int)Number("Trades"),
            Number("WinRate"),
            Optional("ProfitFactor"),
            Number("Sharpe"),
            Number("MaxDrawdown") * 100m,
            Number("TotalReturn") * 100m,
            Number("AverageR"));
    }

    private static List<EquityPointView> Thin(List<EquityPointView> curve)
    {
        if (curve.Count <= MaxCurvePoints)
        {
            return curve;
        }

        var step = (curve.Count - 1) / (double)(MaxCurvePoints - 1);
        return [.. Enumerable.Range(0, MaxCurvePoints).Select(i => curve[(int)Math.Round(i * step)])];
    }

    private T? Read<T>(Func<SqliteConnection, T?> query)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            SQLitePCL.Batteries_V2.Init();
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            return query(connection);
        }
        catch (Exception ex) when (ex is SqliteException or FormatException or JsonException or InvalidCastException)
        {
            LogUnreadable(ex, path);
            return null;
        }
    }

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, s_inv);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, s_inv, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest store {Path} could not be read; the dashboard lists no runs")]
    private partial void LogUnreadable(Exception exception, string path);
}
