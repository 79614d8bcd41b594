using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Contracts.Grains;
using TradingBot.Contracts.Trading;
using TradingBot.Grains.Hosting;
using TradingBot.Runtime;
using TradingBot.Trading.Journal;
using TradingBot.Trading.Strategies;

namespace TradingBot.Grains.Strategies;

/// <summary>
/// The priority decision between strategies (key = symbol). Every StrategyGrain reports every closed bar; a bar
/// with a signal is decided when the last started strategy has reported it, so the same bars always give the same
/// entry whichever grain finished first. Losing signals are recorded as superseded; the winner goes to the RiskGrain.
/// </summary>
[KeepAlive]
internal sealed partial class SignalGateGrain(
    IOptionsMonitor<TradingOptions> options,
    TradeJournal journal,
    ILogger<SignalGateGrain> logger) : Grain, ISignalGateGrain
{
    private readonly BarSignalGate _gate = new();
    private StrategyPriority _priority = new(StrategyPriority.DefaultOrder);
    private string _priorityText = StrategyPriority.DefaultOrder;

    /// <summary>The answer to a verdict that completed no bar: by far the most common one, so it is shared.</summary>
    private static readonly Task<RiskDecision?> s_nothingDecided = Task.FromResult<RiskDecision?>(null);

    public Task<RiskDecision?> ReportAsync(StrategyEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var current = options.CurrentValue;
        if (!string.Equals(_priorityText, current.Strategy.Priority, StringComparison.Ordinal))
        {
            _priorityText = current.Strategy.Priority;
            _priority = new StrategyPriority(_priorityText);
            if (_priority.Order.Any(name => name is not ("A" or "B" or "C")))
            {
                LogUnknownPriority(_priorityText);
            }
        }

        // Not async on purpose: a "none" verdict completes nothing and must not cost a state machine per bar.
        var decisions = _gate.Report(evaluation, current.Strategies, _priority);
        return decisions.Count == 0 ? s_nothingDecided : ForwardAsync(decisions);
    }

    private async Task<RiskDecision?> ForwardAsync(IReadOnlyList<GateDecision> decisions)
    {
        RiskDecision? last = null;
        foreach (var decision in decisions)
        {
            if (decision.Missing.Count > 0)
            {
                LogDecidedWithout(decision.Winner.Symbol, decision.BarClose, string.Join(",", decision.Missing));
            }

            foreach (var loser in decision.Superseded)
            {
                journal.RecordSignal(loser, "superseded", $"strategy {decision.Winner.Strategy} fired on the same bar and has priority ({string.Join(" > ", _priority.Order)})");
                LogSuperseded(loser.Strategy, loser.Symbol, decision.Winner.Strategy);
            }

            last = await GrainFactory.GetGrain<IRiskGrain>(AccountKeys.Main).ProposeAsync(decision.Winner);
        }

        return last;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {Strategy} {Symbol} superseded by strategy {Winner} on the same bar")]
    private partial void LogSuperseded(string strategy, string symbol, string winner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trading:Strategy:Priority = '{Priority}' names strategies other than A, B and C; those names are ignored")]
    private partial void LogUnknownPriority(string priority);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} bar {Bar}: decided without strategies {Missing}, which stopped reporting")]
    private partial void LogDecidedWithout(string symbol, DateTimeOffset bar, string missing);
}
