namespace TradingBot.Operations.Secrets;

/// <summary>Outcome of <see cref="EnvFilePermissionCheck.Check"/>.</summary>
/// <param name="IsSecure">True when the file exists and only its owner can read it (or the OS has no Unix modes).</param>
/// <param name="Error">Why it is not secure, with the command that fixes it; null when secure.</param>
public sealed record EnvFileCheckResult(bool IsSecure, string? Error);

/// <summary>
/// PRD §6.3.1: the <c>.env</c> holding the API keys must be mode 600. Mainnet refuses to start when the file is
/// readable, writable or executable by group or others, or missing.
/// </summary>
public static class EnvFilePermissionCheck
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Names the .env file to check; the systemd unit sets it to the file it loads (<c>/etc/trading-bot/.env</c>).</summary>
    public const string PathVariable = "TRADINGBOT_ENV_FILE";

    /// <summary>
    /// The .env file the process got its secrets from: <c>$TRADINGBOT_ENV_FILE</c> when set (systemd), otherwise
    /// <c>.env</c> in <paramref name="workingDirectory"/> (the file the silo loads itself when run by hand).
    /// </summary>
    public static string ResolvePath(string workingDirectory, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        environment ??= Environment.GetEnvironmentVariable;
        var configured = environment(PathVariable);
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine(workingDirectory, ".env") : configured.Trim();
    }

    /// <summary>Checks <paramref name="path"/> (symlinks are followed: the target's mode counts).</summary>
    public static EnvFileCheckResult Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return new EnvFileCheckResult(false, $"{path} not found: mainnet needs the API keys in an .env file with mode 600.");
        }

        if (OperatingSystem.IsWindows())
        {
            return new EnvFileCheckResult(true, null);
        }

        UnixFileMode mode;
        try
        {
            var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            mode = File.GetUnixFileMode(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new EnvFileCheckResult(false, $"{path}: cannot read its permissions ({e.Message}).");
        }

        if ((mode & GroupOrOthers) != 0)
        {
            var octal = Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
            return new EnvFileCheckResult(
                false,
                $"{path} has mode {octal}: group or others can access the API keys. Run: chmod 600 {path}");
        }

        return new EnvFileCheckResult(true, null);
    }
}
