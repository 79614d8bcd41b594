namespace TradingBot.Runtime;

/// <summary>Why an activation was deactivated (subset of Orleans' codes).</summary>
public enum DeactivationReasonCode
{
    None = 0,
    ActivationIdle,
    ApplicationRequested,
    ShuttingDown,
    ActivationFailed,
    ApplicationError,
}

/// <summary>Reason passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description, Exception? Exception = null)
{
    public override string ToString() => Exception is null ? $"{ReasonCode}: {Description}" : $"{ReasonCode}: {Description} ({Exception.GetType().Name})";
}
