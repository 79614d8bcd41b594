using System.Globalization;
using System.Net;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Replay;

public sealed class ReplayHostTests
{
    [Fact]
    public async Task As_fast_as_possible_replay_runs_to_the_end_of_the_data()
    {
        var dir = Directory.CreateTempSubdirectory("sim-fast-");
        try
        {
            var file = Path.Combine(dir.FullName, "BTCUSDT-1m-tiny.csv");
            var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
            var lines = Enumerable.Range(0, 600).Select(i => string.Create(CultureInfo.InvariantCulture, $"{start + (i * 60_000)},{100 + i},{101 + i},{99 + i},{100.5m + i},2"));
            await File.WriteAllLinesAsync(file, ["open_time,open,high,low,close,volume", .. lines]);

            await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions
            {
                DataPaths = [dir.FullName],
                Symbols = ["BTCUSDT"],
                Speed = double.PositiveInfinity,
                SymbolRules = [Matching.SymbolSpec.Generic("BTCUSDT", 0.1m)],
            });
            sim.StartReplay();
            await sim.ReplayCompletion.WaitAsync(TimeSpan.FromSeconds(20));

            sim.Venue.ReplayFinished.Should().BeTrue();
            sim.Venue.LastPrice("BTCUSDT").Should().Be(699.5m);
            sim.Venue.Klines("BTCUSDT", TimeSpan.FromMinutes(1), start, null, 1500).Should().HaveCount(600);
            sim.Venue.Klines("BTCUSDT", TimeSpan.FromHours(1), start, null, 1500).Should().HaveCount(10);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task Admin_endpoint_sets_faults_and_prices_on_loopback()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.Instance.RestBaseUrl };
        (await http.PostAsync("/admin/faults?rateLimit=1&path=/fapi/v1/time", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync("/fapi/v1/time")).StatusCode.Should().Be((HttpStatusCode)429);
        (await http.PostAsync("/admin/price?symbol=BTCUSDT&price=51234.5", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        sim.Instance.Venue.LastPrice("BTCUSDT").Should().Be(51_234.5m);
        (await http.PostAsync("/admin/price?symbol=BTCUSDT&price=abc", null)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await http.PostAsync("/admin/faults?reset=true", null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Port_in_use_is_a_clear_error_with_exit_code_2()
    {
        await using var first = await SimulatorFixture.StartAsync();
        using var output = new StringWriter();
        var code = await SimulatorCommand.RunAsync(new SimulatorOptions { Port = first.Instance.Port }, output, CancellationToken.None);
        code.Should().Be(2);
        output.ToString().Should().StartWith("error:");
    }

    [Theory]
    [InlineData("2025-05-05T10:00:00Z", 1746439200000)]
    [InlineData("2025-05-05 10:00", 1746439200000)]
    [InlineData("1746439200000", 1746439200000)]
    public void Start_option_parses_iso_or_unix_ms(string text, long expected)
    {
        SimulatorCommand.TryParseStart(text, out var start).Should().BeTrue();
        start.ToUnixTimeMilliseconds().Should().Be(expected);
        SimulatorCommand.TryParseSpeed("max", out var speed).Should().BeTrue();
        double.IsPositiveInfinity(speed).Should().BeTrue();
        SimulatorCommand.TryParseSpeed("-1", out _).Should().BeFalse();
    }
}

public sealed class KlineWindowTests
{
    [Fact]
    public void Start_time_before_the_data_returns_the_first_bars_after_it_across_gaps()
    {
        var venue = SimulatorHost.BuildVenue(new SimulatorOptions { Speed = 0, Start = SimulatorFixture.MarketStart });
        var t = SimulatorFixture.MarketStart;
        venue.PushCandle("BTCUSDT", SimulatorFixture.Flat(t, 100m));
        venue.PushCandle("BTCUSDT", SimulatorFixture.Flat(t.AddMinutes(1), 101m));
        venue.PushCandle("BTCUSDT", SimulatorFixture.Flat(t.AddMinutes(500), 102m));
        venue.PushCandle("BTCUSDT", SimulatorFixture.Flat(t.AddMinutes(501), 103m));

        var early = venue.Klines("BTCUSDT", TimeSpan.FromMinutes(1), t.AddDays(-30).ToUnixTimeMilliseconds(), null, 3);
        early.Select(c => c.Close).Should().Equal(100m, 101m, 102m);
        venue.Klines("BTCUSDT", TimeSpan.FromMinutes(1), t.AddMinutes(2).ToUnixTimeMilliseconds(), null, 10).Select(c => c.Close).Should().Equal(102m, 103m);
        venue.Klines("BTCUSDT", TimeSpan.FromMinutes(1), null, null, 2).Select(c => c.Close).Should().Equal(102m, 103m);
        venue.Klines("BTCUSDT", TimeSpan.FromMinutes(1), null, t.AddMinutes(1).ToUnixTimeMilliseconds(), 5).Select(c => c.Close).Should().Equal(100m, 101m);
        venue.Klines("BTCUSDT", TimeSpan.FromHours(1), t.ToUnixTimeMilliseconds(), null, 5).Select(c => (c.Open, c.Close)).Should().Equal([(100m, 101m)], "the 08:00 hour is still open and the server clock would call it closed");
    }
}
