using System.Globalization;
using Microsoft.Playwright;
using TradingBot.Dashboard.Tests.Fakes;
using TradingBot.Dashboard.Tests.Hosting;
using Xunit.Abstractions;

namespace TradingBot.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const int DesktopWidth = 1366;
    private const int DesktopHeight = 900;
    private const int PhoneWidth = 375;
    private const int PhoneHeight = 812;

    [ChromiumFact]
    public async Task Operator_logs_in_sees_live_positions_closes_all_toggles_a_strategy_and_opens_the_cluster_view()
    {
        await using var host = await DashboardTestHost.StartAsync();
        await using var browser = await BrowserSession.LaunchAsync();
        var problems = new List<string>();
        var page = await browser.NewPageAsync(host.BaseAddress, DesktopWidth, DesktopHeight, problems);

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/login**");
        await BrowserSession.ScreenshotAsync(page, "login-desktop");
        await page.GetByTestId("login-password").FillAsync("wrong password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("wrong password");
        problems.Clear(); // the 401 of the wrong password is logged by the browser on purpose
        await page.GetByTestId("login-password").FillAsync(DashboardTestHost.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await BrowserSession.WaitReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("live-indicator")).ToHaveTextAsync("live");
        await Assertions.Expect(page.GetByTestId("positions-empty")).ToBeVisibleAsync();

        // A position appears and its PnL moves, pushed through IDashboardNotifier without a reload.
        host.Trading.Upsert(FakeTradingSource.SamplePosition(pnl: 12.5m));
        host.Notifier.PositionsChanged(host.Trading.Positions);
        await Assertions.Expect(page.GetByTestId("position-pnl-BTCUSDT")).ToHaveTextAsync("+12.50");
        host.Trading.Upsert(FakeTradingSource.SamplePosition(pnl: -3.25m));
        host.Notifier.PositionsChanged(host.Trading.Positions);
        await Assertions.Expect(page.GetByTestId("position-pnl-BTCUSDT")).ToHaveTextAsync("-3.25");
        await Assertions.Expect(page.GetByTestId("position-pnl-BTCUSDT")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("down"));
        host.Notifier.AccountChanged(host.Trading.Account with { DailyPnl = -42m });
        await Assertions.Expect(page.GetByTestId("account-daily-pnl")).ToHaveTextAsync("-42.00");

        await Assertions.Expect(page.GetByTestId("trade-row")).ToHaveCountAsync(20);
        await Assertions.Expect(page.GetByTestId("strategy-row-C")).ToContainTextAsync("Mixed");
        await Assertions.Expect(page.GetByTestId("chart-info")).ToContainTextAsync("3 zones");
        await page.GetByTestId("backtest-view-bt-1").ClickAsync();
        await Assertions.Expect(page.GetByTestId("backtest-chart")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "trading-desktop");

        // Controls: emergency close-all behind a confirmation, then a strategy toggle and a parameter error.
        await page.GetByTestId("nav-controls").ClickAsync();
        await BrowserSession.WaitReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("controls-position-BTCUSDT")).ToBeVisibleAsync();
        await page.GetByTestId("control-close-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "controls-confirm-desktop");
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-result")).ToHaveTextAsync("closed 1 position(s); entries blocked");
        await Assertions.Expect(page.GetByTestId("controls-positions-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("entries-toggle")).Not.ToBeCheckedAsync();
        host.Trading.Positions.Should().BeEmpty();

        await Assertions.Expect(page.GetByTestId("strategy-toggle-B")).ToBeCheckedAsync();
        await page.GetByTestId("strategy-toggle-B").ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-result")).ToHaveTextAsync("strategy B disabled");
        await Assertions.Expect(page.GetByTestId("strategy-toggle-B")).Not.ToBeCheckedAsync();
        host.Trading.Strategies.Single(s => s.Strategy == "B").Enabled.Should().BeFalse();

        await page.GetByTestId("param-input-stopLossTolerancePercent").FillAsync("0.5");
        await page.GetByTestId("params-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("param-error-stopLossTolerancePercent")).ToHaveTextAsync("stopLossTolerancePercent must be a number between 0.1 and 0.3 %");
        problems.RemoveAll(p => p.Contains("status of 400", StringComparison.Ordinal)); // that 400 was the point
        await BrowserSession.ScreenshotAsync(page, "controls-desktop");
        await page.GetByTestId("param-input-stopLossTolerancePercent").FillAsync("0.25");
        await page.GetByTestId("params-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("params-result")).ToHaveTextAsync("Parameters saved.");
        host.Control.Values["stopLossTolerancePercent"].Should().Be(0.25m);

        // Cluster view: tables, dead-letter inspection, live log tail.
        await page.GetByTestId("nav-cluster").ClickAsync();
        await BrowserSession.WaitReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("grain-row-OrderGrain")).ToContainTextAsync("85.00");
        await Assertions.Expect(page.GetByTestId("stream-lag-signals-RiskGrain/account")).ToHaveTextAsync("2");
        await page.GetByTestId("dead-letter-inspect-dl-1").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dead-letter-detail")).ToContainTextAsync("SignalGenerated");
        await Assertions.Expect(page.GetByTestId("log-tail")).ToContainTextAsync("candle closed BTCUSDT 1m #4");
        host.Cluster.AddLog("Warning", "TradingBot.Grains.RiskGrain", "daily loss at 80 % of limit");
        await Assertions.Expect(page.GetByTestId("log-tail")).ToContainTextAsync("daily loss at 80 % of limit");
        await BrowserSession.ScreenshotAsync(page, "cluster-desktop");

        await page.GetByTestId("nav-audit").ClickAsync();
        await BrowserSession.WaitReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("audit-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("control.close-all");
        await BrowserSession.ScreenshotAsync(page, "audit-desktop");

        problems.Should().BeEmpty("pages must run without console errors or CSP violations");
    }

    [ChromiumFact]
    public async Task Position_updates_reach_the_page_within_one_second()
    {
        const int Updates = 50;
        await using var host = await DashboardTestHost.StartAsync();
        await using var browser = await BrowserSession.LaunchAsync();
        var problems = new List<string>();
        var page = await browser.NewPageAsync(host.BaseAddress, DesktopWidth, DesktopHeight, problems);
        await BrowserSession.LogInAsync(page, DashboardTestHost.Password);
        await Assertions.Expect(page.GetByTestId("live-indicator")).ToHaveTextAsync("live");
        host.Trading.Upsert(FakeTradingSource.SamplePosition(pnl: 1m));
        host.Notifier.PositionsChanged(host.Trading.Positions);
        await Assertions.Expect(page.GetByTestId("position-pnl-BTCUSDT")).ToHaveTextAsync("+1.00");

        // The page stamps the wall-clock time at which each PnL text first appears in the DOM.
        await page.EvaluateAsync(
            """
            () => {
              window.__seen = {};
              const body = document.getElementById('positions-body');
              new MutationObserver(() => {
                const cell = document.querySelector('[data-testid="position-pnl-BTCUSDT"]');
                if (cell && !(cell.textContent in window.__seen)) window.__seen[cell.textContent] = performance.timeOrigin + performance.now();
              }).observe(body, { childList: true, subtree: true, characterData: true });
            }
            """);

        var latencies = new List<double>(Updates);
        for (var i = 0; i < Updates; i++)
        {
            var pnl = 100m + i + 0.25m;
            var text = "+" + pnl.ToString("0.00", CultureInfo.InvariantCulture);
            host.Trading.Upsert(FakeTradingSource.SamplePosition(pnl: pnl));
            var sentAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            host.Notifier.PositionsChanged(host.Trading.Positions);
            await page.WaitForFunctionAsync("t => t in window.__seen", text, new PageWaitForFunctionOptions { Timeout = 5_000 });
            var seenAt = await page.EvaluateAsync<double>("t => window.__seen[t]", text);
            latencies.Add(seenAt - sentAt);
        }

        latencies.Sort();
        var p50 = Percentile(latencies, 0.50);
        var p99 = Percentile(latencies, 0.99);
        var report = string.Create(CultureInfo.InvariantCulture,
            $"dashboard push latency (IDashboardNotifier.PositionsChanged -> DOM), {Updates} updates: p50 {p50:0.0} ms, p99 {p99:0.0} ms, max {latencies[^1]:0.0} ms");
        output.WriteLine(report);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "..", "push-latency.txt"), report + Environment.NewLine);

        p99.Should().BeLessThan(1000, "PRD target: a change reaches the page in at most 1 s");
        problems.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Every_page_fits_a_375_px_phone_and_desktop_screenshots_are_saved()
    {
        await using var host = await DashboardTestHost.StartAsync();
        host.Trading.Upsert(FakeTradingSource.SamplePosition());
        host.Trading.Upsert(FakeTradingSource.SamplePosition("ETHUSDT", -4.5m) with { Side = Ports.Trading.PositionSide.Short, EntryPrice = 3_412.5m, MarkPrice = 3_415.6m, Quantity = 2m });
        await using var browser = await BrowserSession.LaunchAsync();
        var problems = new List<string>();
        var phone = await browser.NewPageAsync(host.BaseAddress, PhoneWidth, PhoneHeight, problems);

        await phone.GotoAsync("/login");
        await BrowserSession.ScreenshotAsync(phone, "login-phone");
        await BrowserSession.LogInAsync(phone, DashboardTestHost.Password);
        foreach (var (path, name) in new[] { ("/", "trading"), ("/controls", "controls"), ("/cluster", "cluster"), ("/audit", "audit") })
        {
            await phone.GotoAsync(path);
            await BrowserSession.WaitReadyAsync(phone);
            if (name == "cluster")
            {
                await Assertions.Expect(phone.GetByTestId("grain-row-SymbolGrain")).ToBeVisibleAsync();
            }

            var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.Should().BeLessThanOrEqualTo(0, $"{path} must not scroll sideways at {PhoneWidth} px (tables scroll inside their cards)");
            await BrowserSession.ScreenshotAsync(phone, name + "-phone");
        }

        Directory.GetFiles(BrowserSession.ScreenshotDirectory, "*-phone.png").Should().HaveCountGreaterThanOrEqualTo(5);
        problems.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Without_a_configured_password_the_setup_page_is_shown()
    {
        await using var host = await DashboardTestHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:PasswordHash"] = "", ["Silo:Mode"] = "mainnet" });
        await using var browser = await BrowserSession.LaunchAsync();
        var page = await browser.NewPageAsync(host.BaseAddress, DesktopWidth, DesktopHeight, []);

        await page.GotoAsync("/controls");

        await Assertions.Expect(page.GetByTestId("no-password-notice")).ToContainTextAsync("no password configured");
        await BrowserSession.ScreenshotAsync(page, "no-password-desktop");
    }

    [ChromiumFact]
    public async Task Login_returns_only_to_same_origin_pages()
    {
        await using var host = await DashboardTestHost.StartAsync();
        await using var browser = await BrowserSession.LaunchAsync();
        var problems = new List<string>();
        var page = await browser.NewPageAsync(host.BaseAddress, DesktopWidth, DesktopHeight, problems);

        await page.GotoAsync("/login?ReturnUrl=%2F%5Cexample.invalid%2Fphish");
        await page.GetByTestId("login-password").FillAsync(DashboardTestHost.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await BrowserSession.WaitReadyAsync(page);

        new Uri(page.Url).Host.Should().Be("127.0.0.1");
        await page.GotoAsync("/login?ReturnUrl=%2Fcluster");
        new Uri(page.Url).AbsolutePath.Should().Be("/", "a signed-in visit to /login goes home");
        problems.Should().BeEmpty();
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
