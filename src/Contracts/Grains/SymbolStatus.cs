using System.Collections.Immutable;

namespace TradingBot.Contracts.Grains;

/// <summary>What a SymbolGrain reports: its last closed candle per timeframe and warm-up state.</summary>
public sealed record SymbolStatus(string Symbol, bool WarmedUp, ImmutableDictionary<string, DateTimeOffset> LastClosedByTimeframe, long CandlesProcessed, int GapsSeen);
