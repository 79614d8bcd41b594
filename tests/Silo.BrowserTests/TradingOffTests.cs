using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.BrowserTests;

public sealed class TradingOffTests
{
    [Fact]
    public async Task With_trading_off_health_answers_and_no_dashboard_is_mapped()
    {
        var directory = Directory.CreateTempSubdirectory("silo-off-");
        await using var app = await SiloHost.BuildAsync(PaperSilo.Overrides(directory.FullName, trading: false));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        (await http.GetAsync("/api/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync("/login")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await app.StopAsync();
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
