using System.CommandLine;
using System.Globalization;
using Serilog.Extensions.Logging;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Silo.Hosting;

namespace TradingBot.Silo.Cli;

/// <summary><c>trading-bot simulator --data FILE_OR_DIR… --symbols BTCUSDT,ETHUSDT [--speed N] [--start TIME] [--port P]</c>.</summary>
internal static class SimulatorVerb
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Candle files or folders (CSV or CSV.gz, open_time,open,high,low,close,volume).", Required = true, AllowMultipleArgumentsPerToken = true };
        var symbols = new Option<string>("--symbols") { Description = "Comma-separated symbols.", DefaultValueFactory = _ => "BTCUSDT,ETHUSDT" };
        var speed = new Option<string>("--speed") { Description = "Replay speed: 60 = one market minute per second; 'max' = as fast as possible.", DefaultValueFactory = _ => "60" };
        var start = new Option<string?>("--start") { Description = "Market time to start at (ISO 8601, UTC)." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 0 };
        var command = new Command("simulator", "Serve a loopback Binance USDⓈ-M simulator replaying real candles until stopped.") { data, symbols, speed, start, port };
        command.SetAction(async (parse, cancellation) =>
        {
            if (!SimulatorCommand.TryParseSpeed(parse.GetValue(speed)!, out var replaySpeed))
            {
                await Console.Error.WriteLineAsync($"--speed '{parse.GetValue(speed)}' is not a positive number or 'max'.");
                return 2;
            }

            DateTimeOffset? startAt = null;
            if (parse.GetValue(start) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"--start '{text}' is not a date/time (use e.g. 2025-05-26T00:00:00Z).");
                    return 2;
                }

                startAt = parsed;
            }

            var options = new SimulatorOptions
            {
                DataPaths = parse.GetValue(data)!,
                Symbols = parse.GetValue(symbols)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).ToList(),
                Speed = replaySpeed,
                Start = startAt,
                Port = parse.GetValue(port),
            };
            using var logging = new SerilogLoggerFactory(SiloLogging.Create(new SiloOptions()));
            return await SimulatorCommand.RunAsync(options, Console.Out, cancellation, logging);
        });
        return command;
    }
}
