using System.Globalization;
using System.Text;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Rest;

public sealed class KlinePagingTests
{
    private static readonly DateTimeOffset s_t0 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Serves 1m candles [t0, t0 + total) like Binance (startTime/endTime/limit), the last one optionally still open.</summary>
    private static FakeHttp Serve(int total, bool lastOpen)
    {
        var http = new FakeHttp();
        http.On("GET", "/fapi/v1/klines", req =>
        {
            var start = long.Parse(req.Param("startTime")!, CultureInfo.InvariantCulture);
            var end = req.Param("endTime") is { } e ? long.Parse(e, CultureInfo.InvariantCulture) : long.MaxValue;
            var limit = int.Parse(req.Param("limit")!, CultureInfo.InvariantCulture);
            var sb = new StringBuilder("[");
            var n = 0;
            for (var i = 0; i < total && n < limit; i++)
            {
                var open = s_t0.AddMinutes(i).ToUnixTimeMilliseconds();
                if (open < start || open > end)
                {
                    continue;
                }

                var close = i == total - 1 && lastOpen ? DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds() : open + 59_999;
                sb.Append(n++ == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"[{open},\"{i}.25\",\"{i + 1}\",\"{i}.1\",\"{i}.5\",\"1\",{close},\"1\",1,\"0\",\"0\",\"0\"]");
            }

            return FakeReply.Json(sb.Append(']').ToString());
        });
        return http;
    }

    [Fact]
    public async Task History_is_paged_1500_at_a_time_in_order_without_gaps()
    {
        var http = Serve(3100, lastOpen: false);
        await using var client = TestClients.Create(http);

        var rows = await client.GetKlinesAsync(new KlineQuery("BTCUSDT", KlineInterval.OneMinute, s_t0, s_t0.AddMinutes(3099)));

        rows.Should().HaveCount(3100);
        rows.Select(r => r.OpenTime).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        rows[^1].OpenTime.Should().Be(s_t0.AddMinutes(3099));
        var calls = http.To("GET", "/fapi/v1/klines").ToList();
        calls.Should().HaveCount(3);
        calls.Should().OnlyContain(c => c.Param("limit") == "1500");
        calls[1].Param("startTime").Should().Be(s_t0.AddMinutes(1500).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Still_open_last_candle_is_dropped()
    {
        var http = Serve(10, lastOpen: true);
        await using var client = TestClients.Create(http);

        var rows = await client.GetKlinesAsync(new KlineQuery("BTCUSDT", KlineInterval.OneMinute, s_t0));

        rows.Should().HaveCount(9);
        rows.Should().OnlyContain(r => r.IsClosed);
    }

    [Fact]
    public async Task Max_count_limits_rows_and_request_size()
    {
        var http = Serve(100, lastOpen: false);
        await using var client = TestClients.Create(http);

        var rows = await client.GetKlinesAsync(new KlineQuery("ETHUSDT", KlineInterval.OneMinute, s_t0, MaxCount: 42));

        rows.Should().HaveCount(42);
        http.To("GET", "/fapi/v1/klines").Single().Param("limit").Should().Be("42");
        rows[0].Symbol.Should().Be("ETHUSDT");
        rows[0].Close.Should().Be(0.5m);
    }
}
