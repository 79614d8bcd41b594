namespace TradingBot.Chaos.Alerts;

/// <summary>A webhook message the receiver accepted, with the wall-clock time it arrived.</summary>
internal sealed record ReceivedAlert(string Content, DateTimeOffset At);
