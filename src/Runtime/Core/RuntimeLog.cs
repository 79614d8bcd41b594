using Microsoft.Extensions.Logging;

namespace TradingBot.Runtime.Core;

/// <summary>Structured log lines of the runtime.</summary>
internal sealed partial class RuntimeLog(ILogger logger)
{
    private readonly ILogger _logger = logger;

    [LoggerMessage(1, LogLevel.Debug, "Activated {GrainId} in {Milliseconds:F1} ms")]
    public partial void Activated(GrainId grainId, double milliseconds);

    [LoggerMessage(2, LogLevel.Warning, "Activation of {GrainId} failed")]
    public partial void ActivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(3, LogLevel.Debug, "Deactivated {GrainId}: {Reason}")]
    public partial void Deactivated(GrainId grainId, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Deactivation of {GrainId} did not finish cleanly")]
    public partial void DeactivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Error, "Unhandled exception in a work item of {GrainId}")]
    public partial void UnhandledWorkItemException(Exception exception, GrainId grainId);

    [LoggerMessage(6, LogLevel.Warning, "Timer callback of {GrainId} failed; the timer continues")]
    public partial void TimerCallbackFailed(Exception exception, GrainId grainId);

    [LoggerMessage(7, LogLevel.Warning, "Stream delivery {StreamId} -> {Subscriber} failed (attempt {Attempt})")]
    public partial void DeliveryFailed(Exception exception, string streamId, string subscriber, int attempt);

    [LoggerMessage(8, LogLevel.Error, "Dead letter on {StreamId} for {Subscriber} after {Attempts} attempts")]
    public partial void DeadLettered(string streamId, string subscriber, int attempts);

    [LoggerMessage(9, LogLevel.Warning, "Shutdown timed out with {Remaining} activations still deactivating")]
    public partial void ShutdownTimedOut(int remaining);

    [LoggerMessage(10, LogLevel.Warning, "A dead-letter sink or store failed")]
    public partial void DeadLetterSinkFailed(Exception exception);

    [LoggerMessage(11, LogLevel.Error, "Runtime background scan failed")]
    public partial void ScanFailed(Exception exception);
}
