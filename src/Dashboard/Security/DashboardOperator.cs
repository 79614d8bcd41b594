namespace TradingBot.Dashboard.Security;

/// <summary>The single dashboard user; exists because <c>PasswordHasher&lt;T&gt;</c> wants a user type.</summary>
public sealed class DashboardOperator
{
    public const string Name = "operator";

    internal static readonly DashboardOperator Instance = new();

    private DashboardOperator()
    {
    }
}
