using TradingBot.Exchange.Rules;

namespace TradingBot.Exchange.Tests.Rules;

public sealed class ClientOrderIdsTests
{
    [Fact]
    public void Ids_are_deterministic_and_valid()
    {
        var a = ClientOrderIds.Create("tb", "entry", "BTCUSDT-20261121T0800", 1);
        var b = ClientOrderIds.Create("tb", "entry", "BTCUSDT-20261121T0800", 1);

        a.Should().Be(b).And.Be("tb-entry-BTCUSDT-20261121T0800-1");
        ClientOrderIds.IsValid(a).Should().BeTrue();
        ClientOrderIds.Create("tb", "entry", "BTCUSDT-20261121T0800", 2).Should().NotBe(a);
    }

    [Fact]
    public void Long_or_dirty_inputs_are_cleaned_and_hashed_to_36_chars()
    {
        var id = ClientOrderIds.Create("tb", "stop loss", "ETHUSDT setup #123456789 with a very long description", 3);
        var other = ClientOrderIds.Create("tb", "stop loss", "ETHUSDT setup #123456789 with a very long descriptioN", 3);

        id.Length.Should().BeLessThanOrEqualTo(36);
        ClientOrderIds.IsValid(id).Should().BeTrue();
        other.Should().NotBe(id, "the hash keeps different long inputs distinct");
    }

    [Theory]
    [InlineData("abc.DEF:ghi/jkl_mno-123", true)]
    [InlineData("with space", false)]
    [InlineData("é", false)]
    [InlineData("", false)]
    [InlineData("012345678901234567890123456789012345", true)]
    [InlineData("0123456789012345678901234567890123456", false)]
    public void Validity_follows_the_binance_regex(string id, bool valid) => ClientOrderIds.IsValid(id).Should().Be(valid);
}
