using Microsoft.Playwright;

namespace TradingBot.Dashboard.Tests.Browser;

/// <summary>Playwright on Debian's Chromium against a dashboard test host or the paper-mode silo (shared by both browser test projects).</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public static readonly string ScreenshotDirectory = System.IO.Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A page in a fresh context; console errors, page errors and CSP violations are collected in <paramref name="problems"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width, int height, List<string> problems)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (problems)
                {
                    problems.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add("page error: " + error);
            }
        };
        return page;
    }

    public static async Task LogInAsync(IPage page, string password)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/login**");
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await WaitReadyAsync(page);
    }

    public static Task WaitReadyAsync(IPage page) => page.Locator("body[data-ready='true']").WaitForAsync();

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
