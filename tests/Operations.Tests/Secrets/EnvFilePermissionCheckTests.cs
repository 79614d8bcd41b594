using TradingBot.Operations.Secrets;
using TradingBot.Operations.Tests.Support;

namespace TradingBot.Operations.Tests.Secrets;

public sealed class EnvFilePermissionCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("600", true)]
    [InlineData("400", true)]
    [InlineData("644", false)]
    [InlineData("640", false)]
    [InlineData("604", false)]
    [InlineData("660", false)]
    [InlineData("601", false)]
    public void Only_owner_access_is_accepted(string octal, bool secure)
    {
        var path = EnvFile(octal);

        var result = EnvFilePermissionCheck.Check(path);

        result.IsSecure.Should().Be(secure);
        if (!secure)
        {
            result.Error.Should().Contain($"mode {octal}").And.Contain($"chmod 600 {path}");
        }
    }

    [Fact]
    public void Missing_file_is_refused()
    {
        var result = EnvFilePermissionCheck.Check(_dir.File(".env"));

        result.IsSecure.Should().BeFalse();
        result.Error.Should().Contain("not found");
    }

    [Fact]
    public void A_symlink_is_judged_by_its_target()
    {
        var target = EnvFile("644");
        var link = _dir.File("link.env");
        File.CreateSymbolicLink(link, target);

        EnvFilePermissionCheck.Check(link).IsSecure.Should().BeFalse();
        Chmod("600", target);
        EnvFilePermissionCheck.Check(link).IsSecure.Should().BeTrue();
    }

    [Fact]
    public void The_path_comes_from_the_unit_or_the_working_directory()
    {
        EnvFilePermissionCheck.ResolvePath("/opt/trading-bot", _ => null).Should().Be("/opt/trading-bot/.env");
        EnvFilePermissionCheck.ResolvePath("/opt/trading-bot", name => name == "TRADINGBOT_ENV_FILE" ? "/etc/trading-bot/.env" : null)
            .Should().Be("/etc/trading-bot/.env");
    }

    private string EnvFile(string octal)
    {
        var path = _dir.File(octal + ".env");
        File.WriteAllText(path, "BINANCE_API_KEY=x\n");
        Chmod(octal, path);
        return path;
    }

    // Real chmod, as an operator would run it.
    private static void Chmod(string octal, string path)
    {
        using var chmod = System.Diagnostics.Process.Start("chmod", [octal, path]);
        chmod.WaitForExit();
        chmod.ExitCode.Should().Be(0);
    }
}
