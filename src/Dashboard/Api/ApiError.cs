namespace TradingBot.Dashboard;

/// <summary>The body of every 4xx answer: a message a person can act on.</summary>
public sealed record ApiError(string Error);
