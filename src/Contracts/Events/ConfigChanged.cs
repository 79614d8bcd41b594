using TradingBot.Runtime;
using System.Collections.Immutable;

namespace TradingBot.Contracts.Events;

/// <summary>config_changed: operational parameters were reloaded live; core keys need a restart.</summary>
public sealed record ConfigChanged(ImmutableArray<string> LiveKeys, ImmutableArray<string> RestartKeys, DateTimeOffset At) : IBotEvent
{
    public MessagePriority Priority => MessagePriority.Low;
}
