namespace TradingBot.Silo.BrowserTests;

/// <summary>Every page of the real silo's dashboard at phone width (375 px) and on a desktop, with screenshots.</summary>
[Collection(PaperSiloCollection.Name)]
public sealed class PhoneLayoutTests(PaperSilo silo)
{
    [ChromiumFact]
    public async Task Every_page_fits_a_375_px_phone_and_a_desktop()
    {
        await using var browser = await BrowserSession.LaunchAsync();
        var problems = new List<string>();
        foreach (var (width, height, device) in new[] { (375, 812, "phone"), (1366, 900, "desktop") })
        {
            var page = await browser.NewPageAsync(silo.BaseAddress, width, height, problems);
            await page.GotoAsync("/login");
            await BrowserSession.ScreenshotAsync(page, $"paper-login-{device}");
            await BrowserSession.LogInAsync(page, PaperSilo.Password);
            foreach (var (path, name) in new[] { ("/", "trading"), ("/controls", "controls"), ("/cluster", "cluster"), ("/audit", "audit") })
            {
                await page.GotoAsync(path);
                await BrowserSession.WaitReadyAsync(page);
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                overflow.Should().BeLessThanOrEqualTo(0, $"{path} must not scroll sideways at {width} px");
                await BrowserSession.ScreenshotAsync(page, $"paper-{name}-{device}");
            }

            await page.Context.CloseAsync();
        }

        Directory.GetFiles(BrowserSession.ScreenshotDirectory, "paper-*-phone.png").Should().HaveCountGreaterThanOrEqualTo(5);
        problems.Should().BeEmpty();
    }
}
