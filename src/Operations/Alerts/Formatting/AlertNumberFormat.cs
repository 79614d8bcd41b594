using System.Globalization;

namespace TradingBot.Operations.Alerts.Formatting;

/// <summary>
/// Culture-invariant number rendering for alerts, matching the PRD example (<c>$65,432.10</c>, <c>$64,800</c>,
/// <c>0.15 BTC</c>): thousands separators, whole prices without decimals, fractional prices with at least two.
/// </summary>
internal static class AlertNumberFormat
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary><c>$65,432.10</c>, <c>$64,800</c>, <c>$0.00012345</c>.</summary>
    public static string Price(decimal price)
    {
        var format = decimal.Truncate(price) == price ? "#,##0" : "#,##0.00######";
        return "$" + price.ToString(format, s_invariant);
    }

    /// <summary><c>0.15</c>, <c>1,250</c>: as many decimals as the quantity has, none padded.</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.########", s_invariant);

    /// <summary><c>600.00 USDT</c>.</summary>
    public static string Usdt(decimal amount) => amount.ToString("#,##0.00", s_invariant) + " USDT";

    /// <summary><c>+160.19 USDT</c>, <c>-95.40 USDT</c>.</summary>
    public static string SignedUsdt(decimal amount) => Sign(amount) + Usdt(Math.Abs(amount));

    /// <summary><c>6%</c>, <c>6.13%</c>.</summary>
    public static string Percent(decimal percent) => percent.ToString("#,##0.##", s_invariant) + "%";

    /// <summary><c>+1.63%</c>, <c>-0.5%</c>.</summary>
    public static string SignedPercent(decimal percent) => Sign(percent) + Percent(Math.Abs(percent));

    /// <summary><c>42초</c>, <c>3분 5초</c>, <c>2시간 10분</c>, <c>3일 4시간</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            return string.Create(s_invariant, $"{(int)duration.TotalSeconds}초");
        }

        if (duration < TimeSpan.FromHours(1))
        {
            return string.Create(s_invariant, $"{duration.Minutes}분 {duration.Seconds}초");
        }

        if (duration < TimeSpan.FromDays(1))
        {
            return string.Create(s_invariant, $"{duration.Hours}시간 {duration.Minutes}분");
        }

        return string.Create(s_invariant, $"{(int)duration.TotalDays}일 {duration.Hours}시간");
    }

    public static string Integer(int value) => value.ToString("#,##0", s_invariant);

    private static string Sign(decimal value) => value < 0 ? "-" : "+";
}
