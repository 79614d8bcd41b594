namespace TradingBot.Backtest.Tests.Support;

internal static class Ms
{
    public static long Of(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
