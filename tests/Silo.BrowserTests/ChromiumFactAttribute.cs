namespace TradingBot.Silo.BrowserTests;

/// <summary>A fact that runs only where Debian's Chromium is installed at <see cref="Path"/>.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"browser test skipped: {Path} is missing (install it with: apt-get update && apt-get install -y chromium)";
        }
    }
}
