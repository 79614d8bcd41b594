namespace TradingBot.Exchange.Model.Events;

/// <summary>Base of everything a market or user stream delivers. Switch on the concrete type.</summary>
public abstract record StreamEvent;
