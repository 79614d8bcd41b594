using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TradingBot.Silo.Bench;

/// <summary>
/// <c>memory</c>: the real <c>trading-bot run</c> (paper mode, embedded simulator, default speed) as a child process
/// with 5 symbols, its resident set sampled from /proc/&lt;pid&gt;/status every few seconds.
/// </summary>
internal static class MemoryRun
{
    public sealed record Options(int Symbols, int Minutes, int IntervalSeconds, int WarmupMinutes, IReadOnlyList<string> Environment);

    public static async Task<int> RunAsync(Options options, TextWriter output)
    {
        var candles = DerivedCandles.Prepare(options.Symbols, output);
        var symbols = DerivedCandles.Symbols(options.Symbols);
        var exe = Path.Combine(AppContext.BaseDirectory, "trading-bot.dll");
        if (!File.Exists(exe))
        {
            await Console.Error.WriteLineAsync($"not found: {exe} (build bench/Silo.Bench, which references the silo)");
            return 2;
        }

        var work = BenchPaths.Scratch($"memory-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { exe, "run", "--env", "paper", "--data-dir", Path.Combine(work, "data"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TRADINGBOT_Exchange__PaperCandles"] = candles;
        start.Environment["TRADINGBOT_Silo__LogDirectory"] = Path.Combine(work, "logs");
        foreach (var (key, value) in await BenchRig.SymbolSettingsAsync(symbols))
        {
            start.Environment["TRADINGBOT_" + key] = value;
        }

        foreach (var pair in options.Environment)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new InvalidOperationException($"--env takes NAME=VALUE, got '{pair}'");
            }

            start.Environment[pair[..eq]] = pair[(eq + 1)..];
        }

        output.WriteLine($"memory: dotnet trading-bot.dll run --env paper with {symbols.Count} symbols ({string.Join(", ", symbols)}) from {candles}; {options.Minutes} min, RSS every {options.IntervalSeconds} s, steady state after {options.WarmupMinutes} min{(options.Environment.Count > 0 ? "; environment " + string.Join(" ", options.Environment) : "")}");
        using var process = Process.Start(start)!;
        var lastLines = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lastLines)
            {
                lastLines.Enqueue(line);
                while (lastLines.Count > 20)
                {
                    lastLines.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(3) };
        var samples = new List<(double Minutes, double RssMb)>();
        var clock = Stopwatch.StartNew();
        try
        {
            output.WriteLine($"{"t (min)",8} {"RSS MB",8} {"peak MB",8}  market time / last closed 1m per symbol");
            while (clock.Elapsed < TimeSpan.FromMinutes(options.Minutes))
            {
                await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds));
                if (process.HasExited)
                {
                    output.WriteLine($"the silo exited with code {process.ExitCode}; last output:");
                    lock (lastLines)
                    {
                        foreach (var line in lastLines)
                        {
                            output.WriteLine("  " + line);
                        }
                    }

                    return 1;
                }

                var (rss, hwm) = ReadStatus(process.Id);
                var minutes = clock.Elapsed.TotalMinutes;
                samples.Add((minutes, rss));
                var progress = await ProgressAsync(http);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{minutes,8:0.00} {rss,8:0.0} {hwm,8:0.0}  {progress}"));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        var steady = samples.Where(s => s.Minutes >= options.WarmupMinutes).Select(s => s.RssMb).ToArray();
        if (steady.Length >= 2)
        {
            var third = Math.Max(1, steady.Length / 3);
            var early = steady.Take(third).Average();
            var late = steady.TakeLast(third).Average();
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"steady state ({steady.Length} samples after {options.WarmupMinutes} min): mean {steady.Average():0.0} MB, min {steady.Min():0.0} MB, max {steady.Max():0.0} MB; first third {early:0.0} MB → last third {late:0.0} MB ({(late - early) / early * 100:+0.0;-0.0}%)"));
        }

        output.WriteLine($"work folder (data, logs): {work}");
        return 0;
    }

    private static (double RssMb, double PeakMb) ReadStatus(int pid)
    {
        double rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kb(line) / 1024.0;
            }
        }

        return (rss, hwm);
    }

    private static double Kb(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>Market time and stream state from /api/health (shows the replay is moving).</summary>
    private static async Task<string> ProgressAsync(HttpClient http)
    {
        try
        {
            var exchange = JsonDocument.Parse(await http.GetStringAsync("/api/health")).RootElement.GetProperty("details").GetProperty("exchange");
            var market = exchange.TryGetProperty("marketTime", out var t) ? t.GetString() : "?";
            var streams = exchange.TryGetProperty("streams", out var s) ? s.ToString() : "?";
            return Trim($"market {market}, streams {streams}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or KeyNotFoundException or JsonException or InvalidOperationException)
        {
            return "(health not answering yet)";
        }
    }

    private static string Trim(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
