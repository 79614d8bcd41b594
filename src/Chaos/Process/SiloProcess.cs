using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TradingBot.Chaos.Process;

/// <summary>
/// One life of the real <c>trading-bot run --env paper</c> executable as a child process: started against the
/// in-process simulator, asked for its health over HTTP, measured (VmRSS) and killed with SIGKILL.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly HttpClient _http;
    private int _killed;

    private SiloProcess(System.Diagnostics.Process process, int port, int life)
    {
        _process = process;
        Port = port;
        Life = life;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>1 for the first start, 2 after the first restart, ...</summary>
    public int Life { get; }

    public int Port { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>True once <see cref="Kill"/> ran (the exit was ours, not a crash of the product).</summary>
    public bool WasKilled => Volatile.Read(ref _killed) == 1;

    public static SiloProcess Start(SiloLaunch launch, int life)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = launch.WorkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { launch.SiloAssembly, "run", "--env", "paper", "--data-dir", launch.DataDirectory, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in launch.Environment)
        {
            start.Environment[key] = value;
        }

        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var console = Path.Combine(launch.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"console-{life}.log"));
        var writer = TextWriter.Synchronized(new StreamWriter(console) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.Exited += (_, _) => writer.Dispose();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, port, life);
    }

    /// <summary>GET /api/health → details.exchange, or null while the silo is not answering.</summary>
    public async Task<SiloHealth?> HealthAsync(CancellationToken cancellationToken = default)
    {
        if (HasExited)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(await _http.GetStringAsync("/api/health", cancellationToken));
            return SiloHealth.Parse(json.RootElement);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or KeyNotFoundException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The shared HTTP client for other silo endpoints (same base address).</summary>
    public HttpClient Http => _http;

    /// <summary>Resident set size in bytes from /proc/&lt;pid&gt;/status (VmRSS), null when unavailable.</summary>
    public long? ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kb * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            // Process gone or not Linux.
        }

        return null;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash. Safe to call from any thread, more than once.</summary>
    public void Kill()
    {
        Interlocked.Exchange(ref _killed, 1);
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone (or disposed).
        }
    }

    public void Dispose()
    {
        if (!HasExited)
        {
            Kill();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private static void Write(TextWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            writer.WriteLine(line);
        }
        catch (ObjectDisposedException)
        {
            // Output after exit.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
