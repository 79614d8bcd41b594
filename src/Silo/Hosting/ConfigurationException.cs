namespace TradingBot.Silo.Hosting;

/// <summary>A configuration problem that stops start-up with exit code 2 and a message naming the key.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
