using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_answers_on_loopback_with_mode_uptime_and_version()
    {
        var dir = Directory.CreateTempSubdirectory("silo-health-");
        await using var app = await SiloHost.BuildAsync(new Dictionary<string, string?>
        {
            ["Silo:Urls"] = "http://127.0.0.1:0",
            ["Silo:Mode"] = "paper",
            ["Silo:Trading"] = "false",
            ["Silo:DataDirectory"] = Path.Combine(dir.FullName, "data"),
            ["Silo:LogDirectory"] = Path.Combine(dir.FullName, "logs"),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        address.Should().StartWith("http://127.0.0.1:");

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await http.GetAsync("/api/health");
        response.IsSuccessStatusCode.Should().BeTrue();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("status").GetString().Should().Be("ok");
        json.GetProperty("mode").GetString().Should().Be("paper");
        json.GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("uptimeSeconds").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        await app.StopAsync();
    }
}
