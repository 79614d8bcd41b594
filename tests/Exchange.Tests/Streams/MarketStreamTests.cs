using System.Globalization;
using System.Net.WebSockets;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Streams;

public sealed class MarketStreamTests
{
    private static readonly DateTimeOffset s_t0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset T(int minute) => s_t0.AddMinutes(minute);

    private static string Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string KlineFrame(int minute, bool closed, string close = "100.5") =>
        "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + Ms(T(minute + 1)) + ",\"s\":\"BTCUSDT\",\"k\":{\"t\":" + Ms(T(minute))
        + ",\"T\":" + Ms(T(minute + 1).AddMilliseconds(-1)) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":1,\"L\":2,\"o\":\"100\",\"c\":\"" + close
        + "\",\"h\":\"101\",\"l\":\"99\",\"v\":\"10\",\"n\":5,\"x\":" + (closed ? "true" : "false") + ",\"q\":\"1000\",\"V\":\"5\",\"Q\":\"500\",\"B\":\"0\"}}}";

    private static string RestRow(int minute, DateTimeOffset? closeOverride = null) =>
        $"[{Ms(T(minute))},\"100\",\"101\",\"99\",\"100.5\",\"10\",{Ms(closeOverride ?? T(minute + 1).AddMilliseconds(-1))},\"1000\",5,\"5\",\"500\",\"0\"]";

    private static BinanceClientOptions Options(LoopbackServer server) => TestClients.Options(server.HttpBase, server.WsBase) with
    {
        MaxMessageBytes = 4096,
        MarketSilenceTimeout = TimeSpan.FromSeconds(20),
    };

    private static List<KlineClosed> Klines(IReadOnlyList<StreamEvent> events) => events.OfType<KlineClosed>().ToList();

    [Fact]
    public async Task Reconnect_backfills_missed_closed_candles_exactly_once_in_order_and_counts_bad_frames()
    {
        await using var server = await LoopbackServer.StartAsync();
        string? streamsQuery = null;
        string? restQuery = null;
        server.OnSocket("/market/stream", async (socket, ctx, index) =>
        {
            if (index == 0)
            {
                streamsQuery = ctx.Request.Query["streams"];
                await LoopbackServer.SendAsync(socket, KlineFrame(0, closed: false));
                await LoopbackServer.SendAsync(socket, KlineFrame(0, closed: true));
                await LoopbackServer.SendAsync(socket, "garbage{");
                await LoopbackServer.SendAsync(socket, KlineFrame(1, closed: true)[..60]);
                await LoopbackServer.SendAsync(socket, """{"stream":"x","data":{"e":"brandNewEvent","E":1}}""");
                await LoopbackServer.SendAsync(socket, KlineFrame(1, closed: true, close: "NaN"));
                await LoopbackServer.SendAsync(socket, """{"stream":"btcusdt@markPrice","data":{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":"100.1","i":"100","P":"100","r":"0.0001","T":1}}""" + new string(' ', 10_000));
                await LoopbackServer.SendAsync(socket, """{"stream":"btcusdt@markPrice","data":{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":"100.1","i":"100","P":"100","r":"0.0001","T":1}}""");
                await LoopbackServer.SendAsync(socket, KlineFrame(1, closed: true));
                await LoopbackServer.SendAsync(socket, KlineFrame(1, closed: true));
                // Binance closes at the 24 h mark (or on maintenance) with a close frame.
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "maintenance", CancellationToken.None);
                await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
                return;
            }

            await LoopbackServer.SendAsync(socket, KlineFrame(3, closed: true));
            await LoopbackServer.SendAsync(socket, KlineFrame(4, closed: true));
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        server.OnJson("GET", "/fapi/v1/klines", ctx =>
        {
            restQuery = ctx.Request.QueryString.Value;
            return $"[{RestRow(2)},{RestRow(3)},{RestRow(4, DateTimeOffset.UtcNow.AddMinutes(1))}]";
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(Options(server));

        await using (await client.SubscribeMarketAsync(new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute]), sink.Handle))
        {
            await sink.WaitUntil(e => Klines(e).Any(k => k.Kline.OpenTime == T(4)));
        }

        var described = string.Join(", ", sink.Events.Select(EventSink.Describe)) + " | " + string.Join(", ", server.RequestLog);
        streamsQuery.Should().Be("btcusdt@kline_1m/btcusdt@markPrice", described);
        restQuery.Should().NotBeNull(described);
        restQuery.Should().Contain("startTime=" + Ms(T(1).AddMilliseconds(1)), "from just after the last delivered candle").And.Contain("symbol=BTCUSDT").And.Contain("interval=1m");
        var klines = Klines(sink.Events);
        klines.Select(k => (k.Kline.OpenTime, k.IsBackfill)).Should().Equal((T(0), false), (T(1), false), (T(2), true), (T(3), true), (T(4), false));
        klines.Should().OnlyContain(k => k.Kline.IsClosed);
        sink.Events.OfType<MarkPriceUpdated>().Should().ContainSingle().Which.Mark.Price.Should().Be(100.1m);
        var states = sink.Events.OfType<StreamStateChanged>().ToList();
        states.Select(s => s.State).Should().StartWith([StreamConnectionState.Connected, StreamConnectionState.Disconnected, StreamConnectionState.Reconnecting, StreamConnectionState.Connected]);
        states[2].Attempt.Should().Be(1);
        states[2].Delay.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(30));
        states.Should().OnlyContain(s => s.Kind == StreamKind.Market);

        var c = client.Counters;
        c.MalformedFrames.Should().Be(2, "garbage + truncated");
        c.UnknownEvents.Should().Be(1);
        c.NonFiniteFrames.Should().Be(1);
        c.OversizedFrames.Should().Be(1);
        c.OpenKlinesIgnored.Should().Be(1);
        c.DuplicateKlinesDropped.Should().Be(2, "the repeated live T1 and the live T3 already back-filled");
        c.BackfilledKlines.Should().Be(2);
        c.Reconnects.Should().Be(1);
    }

    [Fact]
    public async Task A_gap_in_live_candles_is_filled_from_rest_before_the_newer_candle()
    {
        await using var server = await LoopbackServer.StartAsync();
        string? restQuery = null;
        server.OnSocket("/market/stream", async (socket, ctx, _) =>
        {
            await LoopbackServer.SendAsync(socket, KlineFrame(0, closed: true));
            await LoopbackServer.SendAsync(socket, KlineFrame(3, closed: true));
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        server.OnJson("GET", "/fapi/v1/klines", ctx =>
        {
            restQuery = ctx.Request.QueryString.Value;
            return $"[{RestRow(1)},{RestRow(2)}]";
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(Options(server));

        await using (await client.SubscribeMarketAsync(new MarketSubscription(["btcusdt"], [KlineInterval.OneMinute], IncludeMarkPrice: false), sink.Handle))
        {
            await sink.WaitUntil(e => Klines(e).Count == 4);
        }

        Klines(sink.Events).Select(k => (k.Kline.OpenTime, k.IsBackfill)).Should().Equal((T(0), false), (T(1), true), (T(2), true), (T(3), false));
        restQuery.Should().Contain("startTime=" + Ms(T(0).AddMilliseconds(1))).And.Contain("endTime=" + Ms(T(3).AddMilliseconds(-1)));
    }

    [Fact]
    public async Task Resume_after_backfills_on_first_connect_then_continues_live()
    {
        await using var server = await LoopbackServer.StartAsync();
        string? restQuery = null;
        server.OnSocket("/market/stream", async (socket, ctx, _) =>
        {
            await LoopbackServer.SendAsync(socket, KlineFrame(2, closed: true));
            await LoopbackServer.SendAsync(socket, KlineFrame(3, closed: true));
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        server.OnJson("GET", "/fapi/v1/klines", ctx =>
        {
            restQuery = ctx.Request.QueryString.Value;
            return $"[{RestRow(1)},{RestRow(2)},{RestRow(3, DateTimeOffset.UtcNow.AddMinutes(1))}]";
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(Options(server));

        await using (await client.SubscribeMarketAsync(new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute], false, ResumeAfter: T(0)), sink.Handle))
        {
            await sink.WaitUntil(e => Klines(e).Any(k => k.Kline.OpenTime == T(3)));
        }

        Klines(sink.Events).Select(k => (k.Kline.OpenTime, k.IsBackfill)).Should().Equal((T(1), true), (T(2), true), (T(3), false));
        restQuery.Should().Contain("startTime=" + Ms(T(0).AddMilliseconds(1)));
    }

    [Fact]
    public async Task Abrupt_connection_drops_and_refused_handshakes_are_retried()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSocket("/market/stream", async (socket, ctx, index) =>
        {
            if (index < 2)
            {
                socket.Abort();
                ctx.Abort();
                return;
            }

            await LoopbackServer.SendAsync(socket, KlineFrame(0, closed: true));
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(Options(server));

        await using (await client.SubscribeMarketAsync(new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute], false), sink.Handle))
        {
            await sink.WaitUntil(e => Klines(e).Count == 1);
        }

        server.Connections("/market/stream").Should().Be(3);
        var reconnecting = sink.Events.OfType<StreamStateChanged>().Where(s => s.State == StreamConnectionState.Reconnecting).ToList();
        reconnecting.Should().NotBeEmpty();
        reconnecting.Should().OnlyContain(s => s.Delay <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Path_suffix_can_be_turned_off()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSocket("/stream", async (socket, ctx, _) =>
        {
            await LoopbackServer.SendAsync(socket, KlineFrame(0, closed: true));
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        var sink = new EventSink();
        var options = Options(server) with { Environment = BinanceEnvironment.Custom(server.HttpBase, server.WsBase, useStreamPathSuffixes: false) };
        await using var client = new BinanceFuturesClient(options);

        await using (await client.SubscribeMarketAsync(MarketSubscription.Default("BTCUSDT"), sink.Handle))
        {
            await sink.WaitUntil(e => Klines(e).Count == 1);
        }

        server.RequestLog.Should().Contain(l => l.StartsWith("GET /stream?streams=btcusdt@kline_1m/btcusdt@kline_15m/btcusdt@kline_1h/btcusdt@markPrice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rotation_reconnects_proactively()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSocket("/market/stream", (socket, ctx, _) => LoopbackServer.DrainAsync(socket, ctx.RequestAborted));
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(Options(server) with { StreamRotationInterval = TimeSpan.FromMilliseconds(150) });

        await using (await client.SubscribeMarketAsync(MarketSubscription.Default("BTCUSDT"), sink.Handle))
        {
            await sink.WaitUntil(e => e.OfType<StreamStateChanged>().Count(s => s.State == StreamConnectionState.Connected) >= 2);
        }

        sink.Events.OfType<StreamStateChanged>().Should().Contain(s => s.State == StreamConnectionState.Disconnected && s.Reason == "rotation");
        server.Connections("/market/stream").Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Receive_silence_triggers_a_reconnect()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSocket("/market/stream", (socket, ctx, _) => LoopbackServer.DrainAsync(socket, ctx.RequestAborted));
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(Options(server) with { MarketSilenceTimeout = TimeSpan.FromMilliseconds(150) });

        await using (await client.SubscribeMarketAsync(MarketSubscription.Default("BTCUSDT"), sink.Handle))
        {
            await sink.WaitUntil(e => e.OfType<StreamStateChanged>().Any(s => s.State == StreamConnectionState.Disconnected));
        }

        sink.Events.OfType<StreamStateChanged>().First(s => s.State == StreamConnectionState.Disconnected).Reason.Should().Be("receive silence");
        client.Counters.SilenceTimeouts.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Server_pings_are_answered_so_the_connection_survives_the_servers_pong_timeout()
    {
        // The loopback server pings every 50 ms and drops a peer that does not pong within 2 s.
        await using var server = await LoopbackServer.StartAsync();
        server.OnSocket("/market/stream", async (socket, ctx, _) =>
        {
            // Keep a receive pending so the server processes pongs, and talk only after its pong timeout has passed.
            var drain = LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            await LoopbackServer.SendAsync(socket, KlineFrame(0, closed: true));
            await drain;
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(Options(server) with { WebSocketKeepAliveInterval = TimeSpan.FromMinutes(5) });

        await using (await client.SubscribeMarketAsync(new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute], false), sink.Handle))
        {
            await sink.WaitUntil(e => Klines(e).Count == 1);
        }

        sink.Events.OfType<StreamStateChanged>().Should().NotContain(s => s.State == StreamConnectionState.Disconnected);
    }

    [Fact]
    public async Task A_throwing_handler_is_counted_and_the_stream_keeps_going()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSocket("/market/stream", async (socket, ctx, _) =>
        {
            await LoopbackServer.SendAsync(socket, KlineFrame(0, closed: true));
            await LoopbackServer.SendAsync(socket, KlineFrame(1, closed: true));
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(Options(server));
        var calls = 0;

        await using (await client.SubscribeMarketAsync(
            new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute], false),
            (e, ct) => e is KlineClosed && Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom") : sink.Handle(e, ct)))
        {
            await sink.WaitUntil(e => Klines(e).Count == 1);
        }

        Klines(sink.Events).Single().Kline.OpenTime.Should().Be(T(1));
        client.Counters.HandlerErrors.Should().Be(1);
    }
}
