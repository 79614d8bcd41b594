using System.Text;
using TradingBot.Exchange.Model.Events;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>A stream payload kind: real seed frames (from ../shared/reference/binance).</summary>
/// <param name="Name">Table row name.</param>
/// <param name="Seeds">Unmutated frames.</param>
internal sealed record StreamPayloadKind(string Name, IReadOnlyList<string> Seeds);

/// <summary>What an accepted event of one type must satisfy: the fields its parser must insist on, and value invariants.</summary>
/// <param name="Required">Presence oracle paths (see <see cref="RequiredFields"/>).</param>
/// <param name="Invariant">Null when the accepted event is plausible, else what is wrong.</param>
internal sealed record StreamOracle(IReadOnlyList<string> Required, Func<StreamEvent, string?> Invariant);

/// <summary>The user-data and market stream payloads the client parses, with their oracles.</summary>
internal static class StreamPayloads
{
    /// <summary>Documented shape (Binance user-data docs); the reference folder has no captured listenKeyExpired. Written here.</summary>
    public const string ListenKeyExpiredDocsShape = """{"stream":"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1","data":{"e":"listenKeyExpired","E":"1736996475556","listenKey":"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1"}}""";

    public static IReadOnlyList<StreamPayloadKind> All()
    {
        var klineOpen = Push("Klines");
        var klineClosed = klineOpen.Replace("\"x\": false", "\"x\": true", StringComparison.Ordinal);
        var sdkKline = Sdk("kline_candlestick_streams").Replace("\"x\": false", "\"x\": true", StringComparison.Ordinal);
        var liveAlgo = Support.Fixtures.Json("observed-live-samples.json").GetProperty("samples")[0].GetProperty("message").GetRawText();
        return
        [
            new("stream kline", [klineClosed, klineOpen, sdkKline]),
            new("stream markPriceUpdate", [Push("MarkPrice"), Sdk("mark_price_stream")]),
            new("stream ORDER_TRADE_UPDATE", [Push("OrderUpdate")]),
            new("stream ALGO_UPDATE", [Push("AlgoOrderUpdate"), liveAlgo]),
            new("stream ACCOUNT_UPDATE", [Push("AccountUpdate")]),
            new("stream TRADE_LITE", [Push("TradeUpdate")]),
            new("stream ACCOUNT_CONFIG_UPDATE", [Push("Leverage")]),
            new("stream listenKeyExpired", [ListenKeyExpiredDocsShape]),
        ];
    }

    /// <summary>The oracle of the event the parser produced (a mutated "e" may turn one kind into another).</summary>
    public static StreamOracle OracleFor(StreamEvent e) => e switch
    {
        KlineClosed => new(["k", "k.t", "k.T", "k.i", "k.o", "k.h", "k.l", "k.c", "k.v", "k.q"], KlineInvariant),
        MarkPriceUpdated => new(["E", "s", "p", "T"], MarkInvariant),
        OrderUpdated => new(["E", "T", "o", "o.s", "o.c", "o.S", "o.o", "o.x", "o.X", "o.i", "o.q", "o.l", "o.z", "o.L"], OrderInvariant),
        AlgoOrderUpdated => new(["E", "T", "o", "o.caid", "o.aid", "o.s", "o.S", "o.X", "o.q", "o.tp"], AlgoInvariant),
        AccountUpdated => new(["E", "T", "a", "a.m", "a.B?[*].a", "a.B?[*].wb", "a.B?[*].cw", "a.P?[*].s", "a.P?[*].pa", "a.P?[*].ep"], AccountInvariant),
        TradeLite => new(["E", "T", "s", "c", "S", "i", "l", "L", "t"], TradeLiteInvariant),
        AccountConfigUpdated => new(["E", "ac?.s", "ac?.l"], ConfigInvariant),
        ListenKeyExpired => new(["E"], _ => null),
        _ => new([], _ => "unexpected event type " + e.GetType().Name),
    };

    private static string Push(string name) => Encoding.UTF8.GetString(Support.Fixtures.BinanceNetPush(name));

    private static string Sdk(string operation) =>
        Support.Fixtures.SdkOperation("ws-streams-market", operation).GetProperty("exampleResponse").GetRawText();

    private static string? KlineInvariant(StreamEvent e)
    {
        var k = ((KlineClosed)e).Kline;
        return k.Open <= 0 || k.High <= 0 || k.Low <= 0 || k.Close <= 0 ? "non-positive price"
            : k.High < k.Low ? "high below low"
            : k.Volume < 0 || k.QuoteVolume < 0 || k.TakerBuyBaseVolume < 0 || k.TakerBuyQuoteVolume < 0 || k.TradeCount < 0 ? "negative volume or trade count"
            : k.CloseTime <= k.OpenTime ? "close time not after open time"
            : k.Symbol.Length == 0 ? "empty symbol"
            : null;
    }

    private static string? MarkInvariant(StreamEvent e)
    {
        var m = ((MarkPriceUpdated)e).Mark;
        return m.Price <= 0 ? "non-positive mark price"
            : m.IndexPrice < 0 || m.EstimatedSettlePrice < 0 ? "negative index/settle price"
            : m.Symbol.Length == 0 ? "empty symbol"
            : null;
    }

    private static string? OrderInvariant(StreamEvent e)
    {
        var o = (OrderUpdated)e;
        return o.OriginalQuantity < 0 || o.LastFilledQuantity < 0 || o.CumulativeFilledQuantity < 0 ? "negative quantity"
            : o.Price < 0 || o.AveragePrice < 0 || o.StopPrice < 0 || o.LastFilledPrice < 0 ? "negative price"
            : o.LastFilledQuantity > o.CumulativeFilledQuantity ? "last fill above cumulative fill"
            : o.OrderId <= 0 ? "non-positive order id"
            : null;
    }

    private static string? AlgoInvariant(StreamEvent e)
    {
        var a = (AlgoOrderUpdated)e;
        return a.Quantity < 0 || a.ExecutedQuantity < 0 ? "negative quantity"
            : a.TriggerPrice < 0 || a.Price < 0 || a.AveragePrice < 0 ? "negative price"
            : a.AlgoId <= 0 ? "non-positive algo id"
            : a.ChildOrderId is <= 0 ? "non-positive child order id"
            : null;
    }

    private static string? AccountInvariant(StreamEvent e)
    {
        var a = (AccountUpdated)e;
        return a.Positions.Any(p => p.EntryPrice < 0 || p.BreakEvenPrice < 0) ? "negative entry/break-even price"
            : a.Positions.Any(p => p.IsolatedWallet < 0) ? "negative isolated wallet"
            : a.Positions.Any(p => p.Symbol.Length == 0) || a.Balances.Any(b => b.Asset.Length == 0) ? "empty symbol/asset"
            : null;
    }

    private static string? TradeLiteInvariant(StreamEvent e)
    {
        var t = (TradeLite)e;
        return t.LastFilledQuantity < 0 ? "negative fill quantity"
            : t.LastFilledPrice < 0 ? "negative fill price"
            : t.OrderId <= 0 ? "non-positive order id"
            : null;
    }

    private static string? ConfigInvariant(StreamEvent e)
    {
        var c = (AccountConfigUpdated)e;
        return c.Leverage is < 1 or > 125 ? "leverage outside 1..125" : null;
    }
}
