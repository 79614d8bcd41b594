using System.IO.Compression;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Replay;

public sealed class ReplayTests
{
    private const string EthMinute = "ETHUSDT-1m-futures-20250505-20250623.csv.gz";

    [SharedDataFact]
    public void Fifteen_minute_bars_aggregated_from_real_1m_data_equal_binance_15m_bars()
    {
        var minute = CandleFile.Load(SharedData.Data(EthMinute));
        var quarter = CandleFile.Load(SharedData.Data("ETHUSDT-15m-futures-2024-2025.csv.gz"));
        minute.Interval.Should().Be(TimeSpan.FromMinutes(1));
        quarter.Interval.Should().Be(TimeSpan.FromMinutes(15));

        var aggregated = CandleAggregator.Aggregate(minute.Candles, TimeSpan.FromMinutes(15));
        var reference = quarter.Candles.ToDictionary(c => c.OpenTime);
        var compared = aggregated.Where(c => reference.ContainsKey(c.OpenTime)).ToList();
        compared.Should().HaveCountGreaterThan(4000);
        compared.Should().AllSatisfy(c => c.Should().Be(reference[c.OpenTime]));
    }

    [SharedDataFact]
    public void Rest_klines_serve_history_up_to_market_now_and_page_forward_exactly()
    {
        var start = new DateTimeOffset(2025, 5, 10, 0, 0, 0, TimeSpan.Zero);
        var venue = SimulatorHost.BuildVenue(new SimulatorOptions { DataPaths = [SharedData.Data(EthMinute)], Symbols = ["ETHUSDT"], Start = start, Speed = 0 });
        venue.AdvanceMarketTo(start.AddHours(5).AddSeconds(30));

        // The server clock (2026) says every 2025 bar is over, so the bar in progress is withheld rather than served as closed.
        var latest = venue.Klines("ETHUSDT", TimeSpan.FromMinutes(1), null, null, 1500);
        latest.Should().HaveCount(1500);
        latest[^1].OpenTime.Should().Be(start.AddHours(5).AddMinutes(-1).ToUnixTimeMilliseconds());

        var paged = new List<Candle>();
        var from = start.AddDays(-1).ToUnixTimeMilliseconds();
        while (true)
        {
            var page = venue.Klines("ETHUSDT", TimeSpan.FromHours(1), from, null, 10);
            if (page.Count == 0)
            {
                break;
            }

            paged.AddRange(page);
            from = page[^1].OpenTime + 3_600_000;
        }

        paged.Select(c => c.OpenTime).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        paged[0].OpenTime.Should().Be(start.AddDays(-1).ToUnixTimeMilliseconds());
        paged[^1].OpenTime.Should().Be(start.AddHours(4).ToUnixTimeMilliseconds(), "only closed bars; never the future");
        paged.Should().HaveCount(29);
        venue.Klines("ETHUSDT", TimeSpan.FromMinutes(1), start.AddHours(6).ToUnixTimeMilliseconds(), null, 10).Should().BeEmpty("the future is not served");
    }

    [SharedDataFact]
    public void Shifted_replay_runs_on_the_server_clock_and_serves_the_open_bar_like_binance()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 8, 17, 0, TimeSpan.Zero));
        var venue = SimulatorHost.BuildVenue(new SimulatorOptions
        {
            DataPaths = [SharedData.Data(EthMinute)],
            Symbols = ["ETHUSDT"],
            Start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
            Speed = 1,
            Clock = clock,
            Replay = new() { ShiftToPresent = true },
        });
        venue.MarketNow.Should().Be(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromMinutes(1));
        venue.AdvanceMarketTo(clock.GetUtcNow().AddSeconds(30));

        var rows = venue.Klines("ETHUSDT", TimeSpan.FromMinutes(1), null, null, 3);
        rows[^1].OpenTime.Should().Be(clock.GetUtcNow().ToUnixTimeMilliseconds(), "the open bar is served when the server clock agrees it is open");
        rows[^2].OpenTime.Should().Be(clock.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds());
    }

    [SharedDataFact]
    public void Replay_drives_the_engine_price_along_the_real_path()
    {
        var start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var venue = SimulatorHost.BuildVenue(new SimulatorOptions { DataPaths = [SharedData.Data(EthMinute)], Symbols = ["ETHUSDT"], Start = start, Speed = 0 });
        venue.AdvanceMarketTo(start.AddMinutes(10).AddMilliseconds(-1));
        var bar = venue.Klines("ETHUSDT", TimeSpan.FromMinutes(1), start.AddMinutes(9).ToUnixTimeMilliseconds(), null, 1).Single();
        venue.LastPrice("ETHUSDT").Should().Be(bar.Close);
        venue.MarketNow.Should().Be(start.AddMinutes(10).AddMilliseconds(-1));
    }

    [Fact]
    public async Task Bad_data_file_exits_with_code_2_and_a_clear_message()
    {
        var dir = Directory.CreateTempSubdirectory("sim-bad-");
        try
        {
            var file = Path.Combine(dir.FullName, "BTCUSDT-1m-bad.csv.gz");
            await using (var gz = new GZipStream(File.Create(file), CompressionLevel.Fastest))
            await using (var writer = new StreamWriter(gz))
            {
                await writer.WriteAsync("open_time,open,high,low,close,volume\n1000,1,2,0.5,1.5,3\n61000,1,2,zero,1,1\n");
            }

            using var output = new StringWriter();
            var code = await SimulatorCommand.RunAsync(new SimulatorOptions { DataPaths = [file], Symbols = ["BTCUSDT"] }, output, CancellationToken.None);
            code.Should().Be(2);
            output.ToString().Should().Contain("BTCUSDT-1m-bad.csv.gz:3").And.Contain("not a plain decimal");

            using var missing = new StringWriter();
            (await SimulatorCommand.RunAsync(new SimulatorOptions { DataPaths = [Path.Combine(dir.FullName, "nope.csv")] }, missing, CancellationToken.None)).Should().Be(2);
            missing.ToString().Should().Contain("not found");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [SharedDataFact]
    public async Task Command_prints_urls_and_credentials_and_serves_until_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var output = new BlockingWriter();
        var run = SimulatorCommand.RunAsync(
            new SimulatorOptions { DataPaths = [SharedData.Data(EthMinute)], Symbols = ["ETHUSDT"], Speed = 600, Start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) },
            output,
            cts.Token);
        var rest = await output.WaitForLineAsync("REST:");
        var url = new Uri(rest["REST:".Length..].Trim());
        using var http = new HttpClient();
        (await http.GetStringAsync(new Uri(url, "/fapi/v1/ping"))).Should().Be("{}");
        output.Text.Should().Contain(SimulatorOptions.DemoApiKey).And.Contain(SimulatorOptions.DemoSecret).And.Contain("ws://127.0.0.1:");
        await cts.CancelAsync();
        (await run).Should().Be(0);
    }

    private sealed class BlockingWriter : StringWriter
    {
        private readonly SemaphoreSlim _lines = new(0);

        public string Text
        {
            get
            {
                lock (this)
                {
                    return ToString();
                }
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }

            _lines.Release();
            return Task.CompletedTask;
        }

        public async Task<string> WaitForLineAsync(string prefix)
        {
            while (true)
            {
                (await _lines.WaitAsync(TimeSpan.FromSeconds(20))).Should().BeTrue();
                var line = Text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line.TrimEnd('\r');
                }
            }
        }
    }
}
