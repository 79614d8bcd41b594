using System.Text.Json;
using TradingBot.Exchange.Binance.Json;
using TradingBot.Exchange.Binance.Rest;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;

namespace TradingBot.Exchange.Binance.Streams;

/// <summary>
/// Parses market and user stream frames, raw or in the combined wrapper {"stream","data"}.
/// Never throws: every failure is reported as a <see cref="StreamFrame"/> kind so the caller can count it.
/// A frame whose required fields are missing, whose quantities or prices are negative, or which repeats a property
/// name is Malformed: passing it on with a default (0, 1970, Unknown) would be a silently wrong event.
/// </summary>
internal static class StreamMessageParser
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    public static StreamFrame Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8, s_options);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new StreamFrame(StreamFrameKind.Malformed, Detail: $"top level is {root.ValueKind}");
            }

            if (root.TryGetProperty("data", out var data) && root.TryGetProperty("stream", out _))
            {
                root = data;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return new StreamFrame(StreamFrameKind.Malformed, Detail: "data is not an object");
                }
            }
            else if (root.TryGetProperty("id", out _) && root.TryGetProperty("result", out _))
            {
                return new StreamFrame(StreamFrameKind.Ack);
            }
            else if (root.TryGetProperty("error", out var error))
            {
                return new StreamFrame(StreamFrameKind.ControlError, Detail: error.GetRawText());
            }

            var type = root.StrOrNull("e");
            return type switch
            {
                "kline" => Kline(root),
                "markPriceUpdate" => new StreamFrame(StreamFrameKind.Event, MarkPrice(root), type),
                "ORDER_TRADE_UPDATE" => new StreamFrame(StreamFrameKind.Event, OrderUpdate(root), type),
                "ALGO_UPDATE" => new StreamFrame(StreamFrameKind.Event, AlgoUpdate(root), type),
                "ACCOUNT_UPDATE" => new StreamFrame(StreamFrameKind.Event, AccountUpdate(root), type),
                "TRADE_LITE" => new StreamFrame(StreamFrameKind.Event, TradeLite(root), type),
                "ACCOUNT_CONFIG_UPDATE" => new StreamFrame(StreamFrameKind.Event, AccountConfig(root), type),
                "listenKeyExpired" => new StreamFrame(StreamFrameKind.Event, new ListenKeyExpired(root.RequiredTime("E"), root.Str("listenKey")), type),
                null => new StreamFrame(StreamFrameKind.UnknownEvent, Detail: "no 'e' field"),
                _ => new StreamFrame(StreamFrameKind.UnknownEvent, Detail: type),
            };
        }
        catch (JsonParseException ex)
        {
            return new StreamFrame(ex.NonFinite ? StreamFrameKind.NonFinite : StreamFrameKind.Malformed, Detail: ex.Message);
        }
        catch (JsonException ex)
        {
            return new StreamFrame(StreamFrameKind.Malformed, Detail: ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement accessors throw this on unexpected value kinds.
            return new StreamFrame(StreamFrameKind.Malformed, Detail: ex.Message);
        }
    }

    private static StreamFrame Kline(JsonElement e)
    {
        if (!e.TryProp("k", out var k) || k.ValueKind != JsonValueKind.Object)
        {
            return new StreamFrame(StreamFrameKind.Malformed, Detail: "kline without 'k'");
        }

        if (!KlineIntervals.TryParse(k.StrOrNull("i"), out var interval))
        {
            return new StreamFrame(StreamFrameKind.UnknownEvent, Detail: $"kline interval '{k.StrOrNull("i")}'");
        }

        var kline = RestParsers.CheckCandle(new Kline(
            (k.StrOrNull("s") ?? e.RequiredStr("s")).ToUpperInvariant(),
            interval,
            k.RequiredTime("t"),
            k.RequiredTime("T"),
            k.RequiredDec("o"),
            k.RequiredDec("h"),
            k.RequiredDec("l"),
            k.RequiredDec("c"),
            k.RequiredDec("v"),
            k.RequiredDec("q"),
            k.Long("n"),
            k.Dec("V"),
            k.Dec("Q"),
            k.Bool("x")));
        return kline.IsClosed
            ? new StreamFrame(StreamFrameKind.Event, new KlineClosed(kline, IsBackfill: false), "kline")
            : new StreamFrame(StreamFrameKind.OpenKline, Detail: "kline");
    }

    private static MarkPriceUpdated MarkPrice(JsonElement e) => new(new MarkPrice(
        e.RequiredStr("s"),
        e.RequiredDec("p").Positive("p"),
        e.Dec("i").NotNegative("i"),
        e.Dec("P").NotNegative("P"),
        e.Dec("r"),
        e.RequiredTime("T"),
        e.RequiredTime("E")));

    private static OrderUpdated OrderUpdate(JsonElement e)
    {
        var o = e.TryProp("o", out var inner) ? inner : throw new JsonParseException("ORDER_TRADE_UPDATE without 'o'.");
        var last = o.RequiredDec("l").NotNegative("l");
        var cumulative = o.RequiredDec("z").NotNegative("z");
        if (last > cumulative)
        {
            throw new JsonParseException($"ORDER_TRADE_UPDATE last fill {last} exceeds cumulative fill {cumulative}.");
        }

        return new OrderUpdated(
            e.RequiredTime("E"),
            e.RequiredTime("T"),
            o.RequiredStr("s"),
            o.RequiredStr("c"),
            BinanceEnums.ParseSide(o.StrOrNull("S")),
            BinanceEnums.ParseOrderType(o.RequiredStr("o")),
            BinanceEnums.ParseOrderType(o.StrOrNull("ot")),
            o.Str("f"),
            o.RequiredDec("q").NotNegative("q"),
            o.Dec("p").NotNegative("p"),
            o.Dec("ap").NotNegative("ap"),
            o.Dec("sp").NotNegative("sp"),
            BinanceEnums.ParseExecutionType(o.RequiredStr("x")),
            BinanceEnums.ParseOrderStatus(o.RequiredStr("X")),
            o.RequiredId("i"),
            last,
            cumulative,
            o.RequiredDec("L").NotNegative("L"),
            o.StrOrNull("N"),
            o.Dec("n"),
            o.Time("T"),
            o.Long("t"),
            o.Bool("m"),
            o.Bool("R"),
            BinanceEnums.ParseWorkingType(o.StrOrNull("wt")),
            BinanceEnums.ParsePositionSide(o.StrOrNull("ps")),
            o.Bool("cp"),
            o.Dec("rp"),
            o.StrOrNull("er"));
    }

    private static AlgoOrderUpdated AlgoUpdate(JsonElement e)
    {
        var o = e.TryProp("o", out var inner) ? inner : throw new JsonParseException("ALGO_UPDATE without 'o'.");
        var child = o.LongOrNull("ai");
        var act = o.StrOrNull("act");
        return new AlgoOrderUpdated(
            e.RequiredTime("E"),
            e.RequiredTime("T"),
            o.RequiredStr("caid"),
            o.RequiredId("aid"),
            o.Str("at"),
            BinanceEnums.ParseOrderType(o.StrOrNull("o")),
            o.RequiredStr("s"),
            BinanceEnums.ParseSide(o.StrOrNull("S")),
            BinanceEnums.ParsePositionSide(o.StrOrNull("ps")),
            o.RequiredDec("q").NotNegative("q"),
            BinanceEnums.ParseAlgoStatus(o.RequiredStr("X")),
            child switch
            {
                null or 0 => null,
                > 0 => child,
                _ => throw new JsonParseException($"'ai' is not a positive order id: {child}."),
            },
            o.Dec("ap").NotNegative("ap"),
            o.Dec("aq").NotNegative("aq"),
            string.IsNullOrEmpty(act) || act == "0" ? null : act,
            o.RequiredDec("tp").NotNegative("tp"),
            o.Dec("p").NotNegative("p"),
            BinanceEnums.ParseWorkingType(o.StrOrNull("wt")),
            o.Bool("cp"),
            o.Bool("pP"),
            o.Bool("R"),
            o.TimeOrNull("tt"),
            o.StrOrNull("rm"));
    }

    private static AccountUpdated AccountUpdate(JsonElement e)
    {
        var a = e.TryProp("a", out var inner) ? inner : throw new JsonParseException("ACCOUNT_UPDATE without 'a'.");
        var balances = new List<BalanceChange>();
        if (a.TryProp("B", out var b))
        {
            foreach (var row in b.EnumerateArray())
            {
                balances.Add(new BalanceChange(row.RequiredStr("a"), row.RequiredDec("wb"), row.RequiredDec("cw"), row.Dec("bc")));
            }
        }

        var positions = new List<PositionChange>();
        if (a.TryProp("P", out var p))
        {
            foreach (var row in p.EnumerateArray())
            {
                positions.Add(new PositionChange(
                    row.RequiredStr("s"),
                    row.RequiredDec("pa"),
                    row.RequiredDec("ep").NotNegative("ep"),
                    row.Dec("bep").NotNegative("bep"),
                    row.Dec("cr"),
                    row.Dec("up"),
                    row.Str("mt"),
                    row.Dec("iw").NotNegative("iw"),
                    BinanceEnums.ParsePositionSide(row.StrOrNull("ps"))));
            }
        }

        return new AccountUpdated(e.RequiredTime("E"), e.RequiredTime("T"), a.RequiredStr("m"), balances, positions, a.StrOrNull("S"));
    }

    private static TradeLite TradeLite(JsonElement e) => new(
        e.RequiredTime("E"),
        e.RequiredTime("T"),
        e.RequiredStr("s"),
        e.RequiredStr("c"),
        e.RequiredId("i"),
        BinanceEnums.ParseSide(e.StrOrNull("S")),
        e.RequiredDec("l").NotNegative("l"),
        e.RequiredDec("L").NotNegative("L"),
        e.RequiredId("t"),
        e.Bool("m"));

    private static AccountConfigUpdated AccountConfig(JsonElement e)
    {
        string? symbol = null;
        int? leverage = null;
        bool? multi = null;
        if (e.TryProp("ac", out var ac))
        {
            symbol = ac.RequiredStr("s");
            var l = ac.RequiredLong("l");
            leverage = l is >= 1 and <= 125 ? (int)l : throw new JsonParseException($"'ac.l' leverage is outside 1..125: {l}.");
        }

        if (e.TryProp("ai", out var ai))
        {
            multi = ai.Bool("j");
        }

        return new AccountConfigUpdated(e.RequiredTime("E"), symbol, leverage, multi);
    }
}
