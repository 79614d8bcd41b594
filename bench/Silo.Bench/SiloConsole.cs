namespace TradingBot.Silo.Bench;

/// <summary>
/// Sends the process's console (where the in-process silo's Serilog console sink writes) to a file, as a service
/// manager would, so the bench's own report stays readable. The report writer is captured before redirecting.
/// </summary>
internal sealed class SiloConsole : IDisposable
{
    private readonly TextWriter _original;
    private readonly StreamWriter _file;

    private SiloConsole(string path)
    {
        Path = path;
        _original = Console.Out;
        _file = new StreamWriter(path) { AutoFlush = true };
        Console.SetOut(_file);
    }

    public string Path { get; }

    /// <summary>The console as it was before redirecting (the report goes there).</summary>
    public TextWriter Report => _original;

    public static SiloConsole Redirect(string name) => new(System.IO.Path.Combine(BenchPaths.Scratch("logs"), $"{name}-silo-console-{DateTime.UtcNow:HHmmss}.log"));

    public void Dispose()
    {
        Console.SetOut(_original);
        _file.Dispose();
    }
}
