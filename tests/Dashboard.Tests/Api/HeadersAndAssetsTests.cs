using System.Net;
using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Api;

public sealed class HeadersAndAssetsTests(SignedInHostFixture fixture) : IClassFixture<SignedInHostFixture>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/api/health")]
    [InlineData("/api/trading/account")]
    [InlineData("/js/common.js")]
    public async Task Responses_carry_the_security_headers_and_no_server_banner(string url)
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(url);

        var headers = response.Headers;
        headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.NotContain("unsafe-inline").And.Contain("frame-ancestors 'none'");
        headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        headers.Contains("Server").Should().BeFalse();
    }

    [Theory]
    [InlineData("/lib/lightweight-charts/lightweight-charts.standalone.production.mjs", "text/javascript")]
    [InlineData("/lib/signalr/signalr.js", "text/javascript")]
    [InlineData("/css/dashboard.css", "text/css")]
    public async Task Embedded_assets_including_the_npm_libraries_are_served(string url, string contentType)
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
        (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(1000);
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        var client = fixture.Client;

        foreach (var page in new[] { "/", "/controls", "/cluster", "/audit" })
        {
            var html = await client.GetStringAsync(page);
            System.Text.RegularExpressions.Regex.IsMatch(html, "<script(?![^>]*\\bsrc=)[^>]*>").Should().BeFalse($"{page} has an inline script");
            html.Should().NotContain("style=", page).And.NotContain("<style", page);
            System.Text.RegularExpressions.Regex.IsMatch(html, @"\son[a-z]+\s*=").Should().BeFalse($"{page} has an inline event handler");
        }
    }
}
