using System.Text.Json;
using TradingBot.Exchange.Binance.Json;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Model.Events;

namespace TradingBot.Exchange.Binance.Streams;

/// <summary>
/// Parses market and user stream frames, raw or in the combined wrapper {"stream","data"}.
/// Never throws: every failure is reported as a <see cref="StreamFrame"/> kind so the caller can count it.
/// </summary>
internal static class StreamMessageParser
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 32 };

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
                "listenKeyExpired" => new StreamFrame(StreamFrameKind.Event, new ListenKeyExpired(root.Time("E"), root.Str("listenKey")), type),
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

        var kline = new Kline(
            (k.StrOrNull("s") ?? e.RequiredStr("s")).ToUpperInvariant(),
            interval,
            k.Time("t"),
            k.Time("T"),
            k.Dec("o"),
            k.Dec("h"),
            k.Dec("l"),
            k.Dec("c"),
            k.Dec("v"),
            k.Dec("q"),
            k.Long("n"),
            k.Dec("V"),
            k.Dec("Q"),
            k.Bool("x"));
        return kline.IsClosed
            ? new StreamFrame(StreamFrameKind.Event, new KlineClosed(kline, IsBackfill: false), "kline")
            : new StreamFrame(StreamFrameKind.OpenKline, Detail: "kline");
    }

    private static MarkPriceUpdated MarkPrice(JsonElement e) => new(new MarkPrice(
        e.RequiredStr("s"),
        e.Dec("p"),
        e.Dec("i"),
        e.Dec("P"),
        e.Dec("r"),
        e.Time("T"),
        e.Time("E")));

    private static OrderUpdated OrderUpdate(JsonElement e)
    {
        var o = e.TryProp("o", out var inner) ? inner : throw new JsonParseException("ORDER_TRADE_UPDATE without 'o'.");
        return new OrderUpdated(
            e.Time("E"),
            e.Time("T"),
            o.RequiredStr("s"),
            o.Str("c"),
            BinanceEnums.ParseSide(o.StrOrNull("S")),
            BinanceEnums.ParseOrderType(o.StrOrNull("o")),
            BinanceEnums.ParseOrderType(o.StrOrNull("ot")),
            o.Str("f"),
            o.Dec("q"),
            o.Dec("p"),
            o.Dec("ap"),
            o.Dec("sp"),
            BinanceEnums.ParseExecutionType(o.StrOrNull("x")),
            BinanceEnums.ParseOrderStatus(o.StrOrNull("X")),
            o.Long("i"),
            o.Dec("l"),
            o.Dec("z"),
            o.Dec("L"),
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
            e.Time("E"),
            e.Time("T"),
            o.Str("caid"),
            o.Long("aid"),
            o.Str("at"),
            BinanceEnums.ParseOrderType(o.StrOrNull("o")),
            o.RequiredStr("s"),
            BinanceEnums.ParseSide(o.StrOrNull("S")),
            BinanceEnums.ParsePositionSide(o.StrOrNull("ps")),
            o.Dec("q"),
            BinanceEnums.ParseAlgoStatus(o.StrOrNull("X")),
            child is null or 0 ? null : child,
            o.Dec("ap"),
            o.Dec("aq"),
            string.IsNullOrEmpty(act) || act == "0" ? null : act,
            o.Dec("tp"),
            o.Dec("p"),
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
                balances.Add(new BalanceChange(row.RequiredStr("a"), row.Dec("wb"), row.Dec("cw"), row.Dec("bc")));
            }
        }

        var positions = new List<PositionChange>();
        if (a.TryProp("P", out var p))
        {
            foreach (var row in p.EnumerateArray())
            {
                positions.Add(new PositionChange(
                    row.RequiredStr("s"),
                    row.Dec("pa"),
                    row.Dec("ep"),
                    row.Dec("bep"),
                    row.Dec("cr"),
                    row.Dec("up"),
                    row.Str("mt"),
                    row.Dec("iw"),
                    BinanceEnums.ParsePositionSide(row.StrOrNull("ps"))));
            }
        }

        return new AccountUpdated(e.Time("E"), e.Time("T"), a.Str("m"), balances, positions, a.StrOrNull("S"));
    }

    private static TradeLite TradeLite(JsonElement e) => new(
        e.Time("E"),
        e.Time("T"),
        e.RequiredStr("s"),
        e.Str("c"),
        e.Long("i"),
        BinanceEnums.ParseSide(e.StrOrNull("S")),
        e.Dec("l"),
        e.Dec("L"),
        e.Long("t"),
        e.Bool("m"));

    private static AccountConfigUpdated AccountConfig(JsonElement e)
    {
        string? symbol = null;
        int? leverage = null;
        bool? multi = null;
        if (e.TryProp("ac", out var ac))
        {
            symbol = ac.StrOrNull("s");
            leverage = ac.Int("l");
        }

        if (e.TryProp("ai", out var ai))
        {
            multi = ai.Bool("j");
        }

        return new AccountConfigUpdated(e.Time("E"), symbol, leverage, multi);
    }
}
