using TradingBot.Chaos;
using TradingBot.Chaos.Faults;
using Xunit.Abstractions;

namespace TradingBot.Reliability.Tests;

/// <summary>
/// The CI-sized chaos run: the real silo as a child process against the loopback simulator, every fault kind
/// injected (seeded), kill -9 and restarts, and every invariant checked against the exchange's books.
/// </summary>
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    [NeedsBundledCandlesFact]
    public async Task A_seeded_chaos_run_keeps_every_invariant()
    {
        var work = Directory.CreateTempSubdirectory("chaos-ci-").FullName;
        var report = await ChaosRun.RunAsync(new ChaosOptions
        {
            Seed = 7,
            Days = CiDays,
            Start = CiStart,
            CandlesPath = BundledCandles.Folder!,
            SiloAssembly = BundledCandles.SiloAssembly,
            WorkDirectory = work,
            Faults = FaultProfile.Dense,
            Log = output.WriteLine,
        });
        output.WriteLine(report.ToString());

        report.Violations.Should().BeEmpty();
        report.FaultsScheduled.Keys.Should().BeEquivalentTo(Enum.GetValues<FaultKind>(), "every kind of fault is injected at least once");
        foreach (var fired in new[] { "socket drops", "listenKey expiries", "REST 503 after executing", "REST -1007 after executing", "REST lost responses", "REST 429 refusals" })
        {
            report.FaultsFired[fired].Should().BeGreaterThan(0, $"{fired} actually hit the bot");
        }

        (report.FaultsFired["user events duplicated"] + report.FaultsFired["user events reordered"]).Should().BeGreaterThan(0, "user events were tampered with");
        report.FaultsFired.Where(kv => kv.Key.StartsWith("kill -9", StringComparison.Ordinal)).Sum(kv => kv.Value).Should().BeGreaterThan(0);
        report.Restarts.Should().BeGreaterThan(0, "at least one kill -9 and restart happened");
        report.ExchangeRoundTrips.Should().BeGreaterThan(0, "at least one trade completed under chaos");
        report.JournalTrades.Should().Be(report.ExchangeRoundTrips);
        report.MaxReconnectSeconds.Should().BeLessThanOrEqualTo(30);
        Directory.Delete(work, recursive: true);
    }

    // A stretch of the bundled data in which strategy A enters (04:58) and is stopped out (09:54) without faults.
    internal static readonly DateTimeOffset CiStart = new(2025, 5, 27, 4, 0, 0, TimeSpan.Zero);

    internal const double CiDays = 0.28;
}
