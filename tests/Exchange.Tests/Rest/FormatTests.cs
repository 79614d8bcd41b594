using TradingBot.Exchange.Binance.Json;

namespace TradingBot.Exchange.Tests.Rest;

public sealed class FormatTests
{
    public static TheoryData<decimal, string> Decimals() => new()
    {
        { 58000.0m, "58000" },
        { 0.010m, "0.01" },
        { 0.00000001m, "0.00000001" },
        { 1.5E-7m, "0.00000015" },
        { 123456789012.123456789m, "123456789012.123456789" },
        { -0.5m, "-0.5" },
        { 0m, "0" },
    };

    [Theory]
    [MemberData(nameof(Decimals))]
    public void Decimals_are_invariant_without_exponent_or_trailing_zeros(decimal value, string expected)
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            BinanceFormat.Decimal(value).Should().Be(expected);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Booleans_are_lower_case() => (BinanceFormat.Bool(true) + BinanceFormat.Bool(false)).Should().Be("truefalse");
}
