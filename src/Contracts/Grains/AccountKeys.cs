namespace TradingBot.Contracts.Grains;

/// <summary>Keys of the account-wide singleton grains.</summary>
public static class AccountKeys
{
    public const string Main = "main";
}
