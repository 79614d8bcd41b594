namespace TradingBot.Runtime;

/// <summary>Read-only view of one live activation, for tests and the cluster dashboard.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>The grain instance (null until constructed).</summary>
    object? GrainInstance { get; }

    /// <summary>Activating, Valid, Deactivating or Invalid.</summary>
    string Status { get; }

    /// <summary>Requests waiting in the mailbox.</summary>
    int QueueDepth { get; }

    /// <summary>Requests currently started and not completed.</summary>
    int RunningRequests { get; }

    /// <summary>Last inbound call or stream delivery (runtime clock).</summary>
    DateTimeOffset LastActivity { get; }

    /// <summary>Completes when this activation has been fully deactivated.</summary>
    Task Deactivated { get; }
}
