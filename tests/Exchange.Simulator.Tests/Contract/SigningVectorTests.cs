using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Server.Rest;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Contract;

public sealed class SigningVectorTests
{
    private static DateTimeOffset Minute(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds() / 60_000 * 60_000);

    private static JsonNode Vectors() => JsonNode.Parse(File.ReadAllText(SharedData.Binance("signing-vectors.json")))!;

    [SharedDataFact]
    public void Every_vector_signature_is_reproduced_and_a_tampered_payload_is_rejected()
    {
        var vectors = Vectors();
        var official = vectors["official"]!.AsArray();
        foreach (var v in official.Concat(vectors["derived"]!.AsArray()))
        {
            var secret = (v!["secretKey"] ?? official[0]!["secretKey"])!.GetValue<string>();
            var payload = v["signedPayload"]!.GetValue<string>();
            var signature = v["signature"]!.GetValue<string>();
            RequestSignature.Verify(secret, payload, signature).Should().BeTrue(v["id"]!.GetValue<string>());
            RequestSignature.Verify(secret, payload, signature.ToUpperInvariant()).Should().BeTrue("hex is case-insensitive");
            RequestSignature.Verify(secret, payload + "&x=1", signature).Should().BeFalse();
        }
    }

    public static TheoryData<int, bool> OfficialHttpVectors => new() { { 0, true }, { 1, true }, { 2, false } };

    [SharedDataTheory]
    [MemberData(nameof(OfficialHttpVectors))]
    public async Task Server_accepts_the_documented_requests_byte_for_byte(int index, bool accepted)
    {
        var v = Vectors()["official"]![index]!;
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1591702613943);
        var clock = new ManualClock(timestamp.AddMilliseconds(200));
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Speed = 0,
            Clock = clock,
            Start = Minute(timestamp.AddMinutes(-10)),
            Accounts = [new AccountSpec(v["apiKey"]!.GetValue<string>(), v["secretKey"]!.GetValue<string>(), 100_000m)],
        });
        sim.PushCandle("BTCUSDT", new(Minute(timestamp.AddMinutes(-10)).ToUnixTimeMilliseconds(), 9200m, 9200m, 9200m, 9200m, 1m));
        using var client = new RawClient(sim.RestBaseUrl, v["apiKey"]!.GetValue<string>(), "unused", () => 0);
        var query = v["queryString"]!.GetValue<string>();
        var body = v["requestBody"]!.GetValue<string>();
        var signature = "signature=" + v["signature"]!.GetValue<string>();
        var reply = body.Length == 0
            ? await client.Send(HttpMethod.Post, "/fapi/v1/order", query + "&" + signature, null, true)
            : await client.Send(HttpMethod.Post, "/fapi/v1/order", query, body + "&" + signature, true);

        if (accepted)
        {
            reply.Code.Should().Be(0, reply.Body?.ToJsonString());
            reply.Body!["status"]!.GetValue<string>().Should().Be("NEW");
        }
        else
        {
            // The printed signature covers a typo'd payload (space after "timestamp="), so the real bytes do not match…
            reply.Code.Should().Be(-1022);

            // …while the same bytes signed correctly are accepted: proof that query and body are concatenated without '&'.
            var fixedSignature = v["checks"]!["sameStringWithoutTheSpace"]!.GetValue<string>();
            var ok = await client.Send(HttpMethod.Post, "/fapi/v1/order", query, body + "&signature=" + fixedSignature, true);
            ok.Code.Should().Be(0, ok.Body?.ToJsonString());
            var joined = v["checks"]!["sameParamsJoinedWithAmpersand"]!.GetValue<string>();
            (await client.Send(HttpMethod.Post, "/fapi/v1/order", query, body + "&signature=" + joined, true)).Code.Should().Be(-1022);
        }
    }
}
