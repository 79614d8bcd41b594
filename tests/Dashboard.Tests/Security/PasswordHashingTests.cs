using TradingBot.Dashboard.Security;

namespace TradingBot.Dashboard.Tests.Security;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Hash_verifies_the_password_and_nothing_else()
    {
        var hash = PasswordHashing.Hash("s3cret-pass");

        PasswordHashing.IsWellFormed(hash).Should().BeTrue();
        hash.Should().NotContain("s3cret-pass");
        PasswordHashing.Verify(hash, "s3cret-pass").Should().BeTrue();
        PasswordHashing.Verify(hash, "s3cret-pasS").Should().BeFalse();
        PasswordHashing.Hash("s3cret-pass").Should().NotBe(hash, "each hash has its own salt");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !")]
    [InlineData("cGxhaW50ZXh0")]
    public void Malformed_hashes_never_verify(string hash)
    {
        PasswordHashing.IsWellFormed(hash).Should().BeFalse();
        PasswordHashing.Verify(hash, "anything").Should().BeFalse();
    }
}
