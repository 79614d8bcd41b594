using System.Collections.Frozen;
using System.Text.Json;
using TradingBot.Exchange.Binance.Json;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Errors;

/// <summary>
/// Error code → class, from the embedded usdm-error-codes.json plus the refinements the table's "outcome" column
/// cannot express (not found, duplicate, auth). Unknown codes and bare HTTP statuses are classified by
/// <see cref="Classify"/>.
/// </summary>
public sealed class BinanceErrorCatalog
{
    private const string ResourceName = "TradingBot.Exchange.usdm-error-codes.json";

    private static readonly Lazy<BinanceErrorCatalog> s_default = new(LoadEmbedded);

    private readonly FrozenDictionary<int, BinanceErrorCode> _codes;

    private BinanceErrorCatalog(FrozenDictionary<int, BinanceErrorCode> codes) => _codes = codes;

    /// <summary>The catalog shipped inside the assembly.</summary>
    public static BinanceErrorCatalog Default => s_default.Value;

    /// <summary>All known codes.</summary>
    public IReadOnlyCollection<BinanceErrorCode> Codes => _codes.Values;

    /// <summary>Parses a catalog from the usdm-error-codes.json format.</summary>
    public static BinanceErrorCatalog Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var map = new Dictionary<int, BinanceErrorCode>();
        foreach (var row in doc.RootElement.GetProperty("codes").EnumerateArray())
        {
            var code = row.Int("code");
            var outcome = row.Str("outcome");
            map[code] = new BinanceErrorCode(code, row.Str("name"), row.Str("msg"), outcome, ClassOf(code, outcome));
        }

        return new BinanceErrorCatalog(map.ToFrozenDictionary());
    }

    /// <summary>Looks a code up.</summary>
    public bool TryGet(int code, out BinanceErrorCode? error)
    {
        var found = _codes.TryGetValue(code, out var e);
        error = e;
        return found;
    }

    /// <summary>Classifies an error reply. <paramref name="code"/> null = no Binance body.</summary>
    public ExchangeErrorClass Classify(int? code, int? httpStatus, string? message = null)
    {
        if (code is { } c && _codes.TryGetValue(c, out var known))
        {
            return known.Class;
        }

        return httpStatus switch
        {
            401 or 403 => ExchangeErrorClass.Auth,
            408 => ExchangeErrorClass.UnknownOutcome,
            418 or 429 => ExchangeErrorClass.NotExecuted,
            503 when message is not null && message.StartsWith("Service Unavailable", StringComparison.OrdinalIgnoreCase) => ExchangeErrorClass.NotExecuted,
            503 when message is not null && message.StartsWith("Internal error", StringComparison.OrdinalIgnoreCase) => ExchangeErrorClass.NotExecuted,
            >= 500 => ExchangeErrorClass.UnknownOutcome,
            >= 400 => ExchangeErrorClass.Rejected,
            _ => ExchangeErrorClass.UnknownOutcome,
        };
    }

    internal static ExchangeErrorClass ClassOf(int code, string outcome) => code switch
    {
        -2013 or -2011 => ExchangeErrorClass.NotFound,
        -4116 => ExchangeErrorClass.Duplicate,
        -1022 or -2014 or -2015 => ExchangeErrorClass.Auth,
        _ => outcome switch
        {
            "not_executed" => ExchangeErrorClass.NotExecuted,
            "unknown" => ExchangeErrorClass.UnknownOutcome,
            "benign" => ExchangeErrorClass.Benign,
            _ => ExchangeErrorClass.Rejected,
        },
    };

    private static BinanceErrorCatalog LoadEmbedded()
    {
        using var stream = typeof(BinanceErrorCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
