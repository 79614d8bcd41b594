using Microsoft.Extensions.Logging;

namespace TradingBot.Exchange.Simulator.Hosting;

/// <summary>Body of the CLI verb <c>trading-bot simulator --data … --symbols … [--speed N] [--start TIME] [--port P]</c>.</summary>
public static class SimulatorCommand
{
    /// <summary>Exit codes.</summary>
    public const int Ok = 0;

    /// <summary>Bad input (data file, symbols, options).</summary>
    public const int BadInput = 2;

    /// <summary>Serves until <paramref name="cancellationToken"/> fires; prints the URLs and the demo credentials first.</summary>
    public static async Task<int> RunAsync(SimulatorOptions options, TextWriter output, CancellationToken cancellationToken, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.Symbols.Count == 0 || options.Symbols.Any(s => s.Length == 0 || !s.All(char.IsAsciiLetterOrDigit)))
        {
            await output.WriteLineAsync("error: --symbols must be a comma-separated list like BTCUSDT,ETHUSDT");
            return BadInput;
        }

        if (options.Speed < 0 || double.IsNaN(options.Speed))
        {
            await output.WriteLineAsync("error: --speed must be positive (or 'max')");
            return BadInput;
        }

        if (options.Port is < 0 or > 65535)
        {
            await output.WriteLineAsync("error: --port must be 0..65535");
            return BadInput;
        }

        SimulatorInstance instance;
        try
        {
            instance = await SimulatorHost.StartAsync(options, loggerFactory, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            await output.WriteLineAsync($"error: bad data: {ex.Message}");
            return BadInput;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // e.g. the port is taken (Kestrel's AddressInUseException) or a file cannot be read.
            await output.WriteLineAsync($"error: {ex.Message}");
            return BadInput;
        }

        await using (instance)
        {
            await output.WriteLineAsync($"REST:      {instance.RestBaseUrl}");
            await output.WriteLineAsync($"Streams:   {instance.StreamBaseUrl} (/public, /market, /private)");
            await output.WriteLineAsync($"API key:   {instance.ApiKey}");
            await output.WriteLineAsync($"Secret:    {instance.ApiSecret}");
            await output.WriteLineAsync($"Market:    {string.Join(",", options.Symbols)} from {instance.Venue.MarketNow:u} at {(double.IsPositiveInfinity(options.Speed) ? "max" : options.Speed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x")}");
            await output.FlushAsync(cancellationToken);
            instance.StartReplay();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Normal shutdown.
            }

            await instance.StopAsync();
        }

        await output.WriteLineAsync("simulator stopped");
        return Ok;
    }

    /// <summary>Parses a --start value: ISO-8601 (UTC assumed when no offset) or Unix milliseconds.</summary>
    public static bool TryParseStart(string text, out DateTimeOffset start)
    {
        if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ms))
        {
            start = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out start);
    }

    /// <summary>Parses a --speed value: a positive number or "max".</summary>
    public static bool TryParseSpeed(string text, out double speed)
    {
        if (string.Equals(text, "max", StringComparison.OrdinalIgnoreCase))
        {
            speed = double.PositiveInfinity;
            return true;
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out speed) && speed > 0;
    }
}
