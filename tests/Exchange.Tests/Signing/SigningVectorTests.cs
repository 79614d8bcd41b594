using System.Text.Json;
using TradingBot.Exchange.Binance.Signing;
using TradingBot.Exchange.Tests.Support;

namespace TradingBot.Exchange.Tests.Signing;

public sealed class SigningVectorTests
{
    public static TheoryData<string> VectorIds()
    {
        var data = new TheoryData<string>();
        if (SharedData.BinanceReference is null)
        {
            data.Add("absent");
            return data;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.BinanceFile("signing-vectors.json")));
        foreach (var group in new[] { "official", "derived" })
        {
            foreach (var v in doc.RootElement.GetProperty(group).EnumerateArray())
            {
                data.Add(group + "/" + v.GetProperty("id").GetString());
            }
        }

        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(VectorIds))]
    public void Every_vector_signs_its_payload_exactly(string id)
    {
        var v = Vector(id);
        var secret = v.GetProperty("secretKey").GetString()!;
        var payload = v.GetProperty("signedPayload").GetString()!;
        var expected = v.GetProperty("signature").GetString()!;

        BinanceSigner.Sign(secret, payload).Should().Be(expected);

        if (v.TryGetProperty("queryString", out var q) && v.TryGetProperty("requestBody", out var b))
        {
            // Query string and body are concatenated with no separator (for ex. 1/2 one of them is empty).
            var query = q.GetString()!;
            var body = b.GetString()!;
            if (string.Concat(query, body) == payload)
            {
                BinanceSigner.Sign(secret, query, body).Should().Be(expected);
                BinanceSigner.Verify(secret, query, body, expected.ToUpperInvariant()).Should().BeTrue("Binance treats hex case-insensitively");
            }
        }
    }

    [SharedDataFact]
    public void Mixed_example_proves_concatenation_without_separator()
    {
        var v = Vector("official/usdm-docs-example-3-mixed-literal");
        var secret = v.GetProperty("secretKey").GetString()!;
        var query = v.GetProperty("queryString").GetString()!;
        var body = v.GetProperty("requestBody").GetString()!;
        var checks = v.GetProperty("checks");

        // Without the docs' stray space the literal concatenation is exactly query + body.
        BinanceSigner.Sign(secret, query, body).Should().Be(checks.GetProperty("sameStringWithoutTheSpace").GetString());
        // Joining with '&' is a different payload and a different signature.
        BinanceSigner.Sign(secret, query + "&" + body).Should().Be(checks.GetProperty("sameParamsJoinedWithAmpersand").GetString());
        BinanceSigner.Sign(secret, query, body).Should().NotBe(checks.GetProperty("sameParamsJoinedWithAmpersand").GetString());
        // The printed literal (with the typo'd space) matches the printed signature.
        BinanceSigner.Sign(secret, v.GetProperty("signedPayload").GetString()!).Should().Be(v.GetProperty("signature").GetString());
        BinanceSigner.Verify(secret, query, body, v.GetProperty("signature").GetString()!).Should().BeFalse();
    }

    [Fact]
    public void Signature_changes_with_any_byte()
    {
        var a = BinanceSigner.Sign(TestClients.Secret, "symbol=BTCUSDT&timestamp=1");
        var b = BinanceSigner.Sign(TestClients.Secret, "symbol=BTCUSDT&timestamp=2");
        a.Should().HaveLength(64).And.MatchRegex("^[0-9a-f]{64}$");
        a.Should().NotBe(b);
    }

    private static JsonElement Vector(string id)
    {
        var (group, name) = (id[..id.IndexOf('/', StringComparison.Ordinal)], id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.BinanceFile("signing-vectors.json")));
        return doc.RootElement.GetProperty(group).EnumerateArray().Single(v => v.GetProperty("id").GetString() == name).Clone();
    }
}
