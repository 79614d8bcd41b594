namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>What the bot is doing right now (PRD §5.4.2 item 5 plus risk state).</summary>
/// <param name="Mode">paper, testnet, mainnet or backtest.</param>
/// <param name="Running">False after a stop from the dashboard or CLI.</param>
/// <param name="EntriesAllowed">False when new entries are blocked (manually or by the daily loss limit).</param>
/// <param name="ActiveStrategies">Ids of enabled strategies.</param>
/// <param name="Connections">One row per exchange WebSocket.</param>
/// <param name="LastUpdate">UTC time of the last market or account event processed.</param>
/// <param name="DailyLossUsed">Today's loss counted against the limit (USDT, positive number).</param>
/// <param name="DailyLossLimit">Today's loss limit (USDT).</param>
/// <param name="Message">Optional operator-facing note, e.g. why entries are blocked.</param>
public sealed record SystemStatusView(
    string Mode,
    bool Running,
    bool EntriesAllowed,
    IReadOnlyList<string> ActiveStrategies,
    IReadOnlyList<ConnectionStatusView> Connections,
    DateTimeOffset? LastUpdate,
    decimal DailyLossUsed,
    decimal DailyLossLimit,
    string? Message);
