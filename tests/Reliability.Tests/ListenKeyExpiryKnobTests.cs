using TradingBot.Exchange.Simulator.Hosting;

namespace TradingBot.Reliability.Tests;

/// <summary>The simulator's listen-key expiry knob added for the chaos run.</summary>
public sealed class ListenKeyExpiryKnobTests
{
    [Fact]
    public async Task Expiring_listen_keys_ends_them_at_once_and_counts_the_fault()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Speed = 0, Port = 0 });
        var key = simulator.Venue.CreateListenKey(simulator.ApiKey);
        simulator.Venue.ActiveListenKeys(simulator.ApiKey).Should().Equal(key);

        simulator.Faults.ExpireListenKeys();

        simulator.Venue.ActiveListenKeys(simulator.ApiKey).Should().BeEmpty();
        simulator.Venue.IsListenKeyActive(key).Should().BeFalse();
        simulator.Faults.Statistics.ListenKeyExpiries.Should().Be(1);
        simulator.Venue.CreateListenKey(simulator.ApiKey).Should().NotBe(key, "a new key is issued after expiry");
    }

    [Fact]
    public async Task The_admin_endpoint_expires_listen_keys()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Speed = 0, Port = 0 });
        simulator.Venue.CreateListenKey(simulator.ApiKey);
        using var http = new HttpClient { BaseAddress = simulator.RestBaseUrl };

        using var response = await http.PostAsync("/admin/faults?expireListenKeys=true", null);

        response.IsSuccessStatusCode.Should().BeTrue();
        simulator.Venue.ActiveListenKeys(simulator.ApiKey).Should().BeEmpty();
    }
}
