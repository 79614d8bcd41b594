using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TradingBot.Silo.Tests.EndToEnd;

/// <summary>The real <c>trading-bot run</c> executable as a child process, so the test can kill -9 it.</summary>
internal sealed class ChildSilo : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private ChildSilo(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public static ChildSilo Start(string workDirectory, string simulatorUrl)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "trading-bot.dll"), "run", "--env", "paper", "--data-dir", Path.Combine(workDirectory, "data"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TRADINGBOT_Exchange__SimulatorUrl"] = simulatorUrl;
        start.Environment["TRADINGBOT_Silo__LogDirectory"] = Path.Combine(workDirectory, "logs");
        start.Environment["TRADINGBOT_Trading__ProtectionCheckInterval"] = "00:00:01";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildSilo(process, port);
    }

    /// <summary>The health document's exchange.trading section, null while the silo is not answering.</summary>
    public async Task<JsonElement?> TradingAsync()
    {
        try
        {
            var json = JsonDocument.Parse(await _http.GetStringAsync("/api/health")).RootElement;
            return json.GetProperty("details").GetProperty("exchange").GetProperty("trading").Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or KeyNotFoundException or JsonException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
