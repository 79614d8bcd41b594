using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Binance.Streams;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Tests.Support;
using Xunit.Abstractions;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>
/// The real WebSocket path: a Kestrel server on 127.0.0.1 pushes mutated frames, each followed by a good "sentinel"
/// frame, to the client's market and user streams. Property: every sentinel arrives, in order, on the same
/// connection (a bad frame never kills or stalls the stream), and the client's counters account for every bad frame
/// exactly as the parser classifies it (malformed / non-finite / unknown / open candle).
/// </summary>
public sealed class StreamContinuityFuzzTests(ITestOutputHelper output)
{
    private const int VariantsPerKind = 150;
    private const long SentinelEpochMs = 4_000_000_000_000;

    [SharedDataFact]
    public async Task User_stream_survives_mutated_frames_and_counts_every_rejection()
    {
        var kinds = StreamPayloads.All().Where(k => !k.Name.Contains("kline", StringComparison.Ordinal) && !k.Name.Contains("markPrice", StringComparison.Ordinal));
        var plan = Plan(kinds, static frame => frame.Event is ListenKeyExpired);
        await using var server = await LoopbackServer.StartAsync();
        server.OnJson("POST", "/fapi/v1/listenKey", _ => """{"listenKey":"fuzzkey"}""");
        server.OnJson("DELETE", "/fapi/v1/listenKey", _ => "{}");
        server.OnSocket("/private/stream", async (socket, ctx, index) =>
        {
            var subscribe = await LoopbackServer.ReceiveTextAsync(socket, ctx.RequestAborted);
            using (var doc = JsonDocument.Parse(subscribe!))
            {
                await LoopbackServer.SendAsync(socket, $"{{\"result\":null,\"id\":{doc.RootElement.GetProperty("id").GetRawText()}}}");
            }

            await PushAsync(socket, plan, i => $$$"""{"stream":"fuzzkey","data":{"e":"TRADE_LITE","E":{{{SentinelEpochMs + i}}},"T":{{{SentinelEpochMs + i}}},"s":"BTCUSDT","q":"0.01","p":"0","m":false,"c":"sentinel-{{{i}}}","S":"SELL","L":"61000","l":"0.01","t":{{{i + 1}}},"i":43}}""");
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(TestClients.Options(server.HttpBase, server.WsBase));

        await using (await client.SubscribeUserAsync(sink.Handle))
        {
            await sink.WaitUntil(e => Sentinels(e).Count == plan.Frames.Count, timeoutSeconds: 60);
        }

        Assert(plan, sink, client.Counters, "user");
    }

    [SharedDataFact]
    public async Task Market_stream_survives_mutated_frames_and_counts_every_rejection()
    {
        var kinds = StreamPayloads.All().Where(k => k.Name.Contains("kline", StringComparison.Ordinal) || k.Name.Contains("markPrice", StringComparison.Ordinal));
        var plan = Plan(kinds, static _ => false);
        await using var server = await LoopbackServer.StartAsync();
        server.OnJson("GET", "/fapi/v1/klines", _ => "[]");
        server.OnSocket("/market/stream", async (socket, ctx, index) =>
        {
            await PushAsync(socket, plan, i => $$$"""{"stream":"btcusdt@markPrice","data":{"e":"markPriceUpdate","E":{{{SentinelEpochMs + i}}},"s":"BTCUSDT","p":"100.1","i":"100","P":"100","r":"0.0001","T":{{{SentinelEpochMs}}}}}""");
            await LoopbackServer.DrainAsync(socket, ctx.RequestAborted);
        });
        var sink = new EventSink();
        await using var client = new BinanceFuturesClient(TestClients.Options(server.HttpBase, server.WsBase));

        await using (await client.SubscribeMarketAsync(new MarketSubscription(["BTCUSDT"], [KlineInterval.OneMinute]), sink.Handle))
        {
            await sink.WaitUntil(e => Sentinels(e).Count == plan.Frames.Count, timeoutSeconds: 60);
        }

        Assert(plan, sink, client.Counters, "market");
    }

    private static List<long> Sentinels(IReadOnlyList<StreamEvent> events) =>
    [
        .. events.Select(e => e switch
        {
            TradeLite t when t.ClientOrderId.StartsWith("sentinel-", StringComparison.Ordinal) => t.EventTime.ToUnixTimeMilliseconds() - SentinelEpochMs,
            MarkPriceUpdated m when m.Mark.Time.ToUnixTimeMilliseconds() >= SentinelEpochMs => m.Mark.Time.ToUnixTimeMilliseconds() - SentinelEpochMs,
            _ => -1,
        }).Where(i => i >= 0),
    ];

    /// <summary>Mutated frames and what the parser says each one is; frames that would legitimately end the connection are left out.</summary>
    private static PushPlan Plan(IEnumerable<StreamPayloadKind> kinds, Func<StreamFrame, bool> endsConnection)
    {
        var frames = new List<MutatedInput>();
        var expected = new Dictionary<StreamFrameKind, int>();
        foreach (var kind in kinds)
        {
            var mutator = new JsonMutator(FuzzSeeds.For("ws " + kind.Name));
            for (var i = 0; i < VariantsPerKind; i++)
            {
                var input = mutator.Mutate(kind.Seeds[i % kind.Seeds.Count]);
                var frame = StreamMessageParser.Parse(input.Utf8);
                if (endsConnection(frame) || input.Utf8.Length == 0)
                {
                    // An empty WebSocket message carries no frame to count; a real listenKeyExpired renews the key and reconnects by design.
                    continue;
                }

                frames.Add(input);
                expected[frame.Kind] = expected.GetValueOrDefault(frame.Kind) + 1;
            }
        }

        return new PushPlan(frames, expected);
    }

    private static async Task PushAsync(WebSocket socket, PushPlan plan, Func<int, string> sentinel)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (var i = 0; i < plan.Frames.Count; i++)
        {
            var bytes = plan.Frames[i].Utf8;
            bool validText;
            try
            {
                strict.GetCharCount(bytes);
                validText = true;
            }
            catch (DecoderFallbackException)
            {
                validText = false;
            }

            // A text frame must be valid UTF-8 (RFC 6455); damaged bytes go out as a binary message, which the client reads the same way.
            await socket.SendAsync(bytes, validText ? WebSocketMessageType.Text : WebSocketMessageType.Binary, true, CancellationToken.None);
            await LoopbackServer.SendAsync(socket, sentinel(i));
        }
    }

    private void Assert(PushPlan plan, EventSink sink, StreamCounters counters, string stream)
    {
        var sentinels = Sentinels(sink.Events);
        var expectedMalformed = plan.Expected.GetValueOrDefault(StreamFrameKind.Malformed);
        var expectedNonFinite = plan.Expected.GetValueOrDefault(StreamFrameKind.NonFinite);
        var expectedUnknown = plan.Expected.GetValueOrDefault(StreamFrameKind.UnknownEvent);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {stream} stream over WebSocket: {plan.Frames.Count} mutated frames, each followed by a sentinel
              parser classification: {string.Join(", ", plan.Expected.OrderBy(e => e.Key).Select(e => $"{e.Key}={e.Value}"))}
              client counters: frames={counters.FramesReceived} malformed={counters.MalformedFrames} nonFinite={counters.NonFiniteFrames} unknown={counters.UnknownEvents} openKlines={counters.OpenKlinesIgnored} events={counters.EventsDelivered} reconnects={counters.Reconnects} handlerErrors={counters.HandlerErrors}
              sentinels delivered in order: {sentinels.Count}/{plan.Frames.Count}
            """));
        sentinels.Should().Equal(Enumerable.Range(0, plan.Frames.Count).Select(i => (long)i), "every good frame after a bad one must be delivered, in order");
        sink.Events.OfType<StreamStateChanged>().Should().ContainSingle("one connection for the whole run: no bad frame may force a reconnect")
            .Which.State.Should().Be(StreamConnectionState.Connected);
        counters.Reconnects.Should().Be(0);
        counters.MalformedFrames.Should().Be(expectedMalformed);
        counters.NonFiniteFrames.Should().Be(expectedNonFinite);
        counters.UnknownEvents.Should().Be(expectedUnknown);
        counters.OpenKlinesIgnored.Should().Be(plan.Expected.GetValueOrDefault(StreamFrameKind.OpenKline));
        counters.HandlerErrors.Should().Be(0);
        (expectedMalformed + expectedNonFinite).Should().BeGreaterThan(plan.Frames.Count / 4, "the run must actually exercise rejections");
    }

    private sealed record PushPlan(IReadOnlyList<MutatedInput> Frames, IReadOnlyDictionary<StreamFrameKind, int> Expected);
}
