using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Replay;

namespace TradingBot.Exchange.Simulator.Venue;

/// <summary>Configuration of a <see cref="SimulatedExchange"/>.</summary>
public sealed record VenueOptions
{
    /// <summary>Matching engine settings (symbols, fees, slippage, funding…).</summary>
    public EngineOptions Engine { get; init; } = new();

    /// <summary>Accounts accepted by the venue.</summary>
    public IReadOnlyList<AccountSpec> Accounts { get; init; } = [];

    /// <summary>Replay pacing.</summary>
    public ReplayOptions Replay { get; init; } = new();

    /// <summary>Server clock (REST time, signature window, listenKey expiry, rate-limit windows). Default: system clock.</summary>
    public TimeProvider ServerClock { get; init; } = TimeProvider.System;

    /// <summary>listenKey lifetime after the last POST/PUT.</summary>
    public TimeSpan ListenKeyValidity { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Bar length of scripted (pushed) candles when no data file defines it.</summary>
    public TimeSpan ScriptedInterval { get; init; } = TimeSpan.FromMinutes(1);
}
