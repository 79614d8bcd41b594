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
/// The priority decision between strategies (key = symbol). Strategies report their signals; a bar with a signal is
/// decided when every started strategy has reported it, so the same bars always give the same entry whichever grain
/// finished first. Losing signals are recorded as superseded; the winner goes to the RiskGrain.
/// </summary>
/// <remarks>
/// A "none" would be three grain calls per bar that almost never matter, so strategies keep them until asked: while a
/// bar is held, every started strategy is asked to report every bar (<see cref="IStrategyGrain.FollowGateAsync"/>) and
/// answers with the last bar it judged silently, which counts as its "none" up to there. Once nothing is held, the
/// strategies go back to reporting signals only. The pure decision stays in <see cref="BarSignalGate"/>.
/// </remarks>
[KeepAlive]
internal sealed partial class SignalGateGrain(
    IOptionsMonitor<TradingOptions> options,
    TradeJournal journal,
    ILogger<SignalGateGrain> logger) : Grain, ISignalGateGrain
{
    private readonly BarSignalGate _gate = new();

    private readonly GateFollowers _followers = new();
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

        // Not async on purpose: a "none" sent while a bar is held usually completes nothing and changes no request.
        var decisions = _gate.Report(evaluation, current.Strategies, _priority);
        return decisions.Count == 0 && !_followers.MustChange(_gate, current.Strategies) ? s_nothingDecided : SettleAsync(decisions, current.Strategies);
    }

    private async Task<RiskDecision?> SettleAsync(IReadOnlyList<GateDecision> decisions, string[] expected)
    {
        var symbol = this.GetPrimaryKeyString();
        var last = await ForwardAsync(decisions);

        // While a bar is held every started strategy reports every bar; the answer brings its silent verdicts. One
        // at a time (this grain is not reentrant), re-checked after each answer, which may have decided the bar.
        while (_followers.NextToAsk(_gate, expected) is { } strategy)
        {
            _followers.Asked(strategy);
            DateTimeOffset? silentThrough;
            try
            {
                silentThrough = await GrainFactory.GetGrain<IStrategyGrain>(strategy).FollowGateAsync(symbol, everyBar: true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Treated like a strategy that stopped reporting: the bar is decided without it after MaxWait.
                LogAskFailed(ex, strategy, symbol);
                continue;
            }

            if (silentThrough is { } bar)
            {
                last = await ForwardAsync(_gate.ReportSilent(strategy, bar, expected, _priority)) ?? last;
            }
        }

        foreach (var strategy in _followers.Release(_gate))
        {
            try
            {
                await GrainFactory.GetGrain<IStrategyGrain>(strategy).FollowGateAsync(symbol, everyBar: false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // It keeps sending every verdict: slower, never wrong.
                LogAskFailed(ex, strategy, symbol);
            }
        }

        return last;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Strategy {Strategy} could not be asked for its verdicts on {Symbol}")]
    private partial void LogAskFailed(Exception exception, string strategy, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} bar {Bar}: decided without strategies {Missing}, which stopped reporting")]
    private partial void LogDecidedWithout(string symbol, DateTimeOffset bar, string missing);
}
