namespace TradingBot.Runtime.Core;

/// <summary>
/// Something that sends to one grain again and again (a grain reference, a stream subscription) and remembers its
/// activation, so a send skips the directory lookup while that activation is valid.
/// </summary>
internal interface IActivationCache
{
    Activation? CachedActivation { get; set; }
}
