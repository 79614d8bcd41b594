using System.Diagnostics;
using System.Globalization;
using TradingBot.Ict.Candles;
using TradingBot.Ict.Reference;

namespace TradingBot.Ict.Export;

/// <summary>
/// The whole <c>trading-bot ict</c> verb as a library call: read candles, run the detectors, write the six
/// reference-named CSV files. Exit codes: 0 ok, 2 bad input or arguments, 1 I/O failure writing the output.
/// </summary>
public static class IctExportCommand
{
    public const int Ok = 0;
    public const int OutputFailure = 1;
    public const int BadInput = 2;

    public static int Run(IctExportOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (options.SwingLength < 1)
        {
            stderr.WriteLine($"error: --swing-length must be at least 1 (got {options.SwingLength})");
            return BadInput;
        }

        if (string.IsNullOrWhiteSpace(options.Input) || string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            stderr.WriteLine("error: --input and --out are required");
            return BadInput;
        }

        var clock = Stopwatch.StartNew();
        Candle[] bars;
        try
        {
            bars = CandleCsvReader.ReadFile(options.Input);
        }
        catch (CandleCsvException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return BadInput;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"error: cannot read {options.Input}: {ex.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"error: cannot read {options.Input}: {ex.Message}");
            return BadInput;
        }

        var readMs = clock.ElapsedMilliseconds;
        IReadOnlyList<IctTable> tables;
        try
        {
            tables = options.Mode == IctExportMode.Causal
                ? CausalTables.Build(bars, options.SwingLength)
                : ReferenceTables.BuildAll(bars, options.SwingLength);
        }
#pragma warning disable CA1031 // A CLI verb reports any detector failure instead of crashing the host process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"error: detection failed on {options.Input} ({bars.Length} candles): {ex.GetType().Name}: {ex.Message}");
            return OutputFailure;
        }

        var detectMs = clock.ElapsedMilliseconds - readMs;

        try
        {
            Directory.CreateDirectory(options.OutputDirectory);
            Parallel.ForEach(tables, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, tables.Count) }, table =>
                TableCsvWriter.Write(table, Path.Combine(options.OutputDirectory, table.FileName)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || (ex is AggregateException agg && agg.InnerExceptions.All(e => e is IOException or UnauthorizedAccessException)))
        {
            stderr.WriteLine($"error: cannot write to {options.OutputDirectory}: {(ex is AggregateException a ? a.InnerExceptions[0].Message : ex.Message)}");
            return OutputFailure;
        }

        var total = clock.ElapsedMilliseconds;
        var mode = options.Mode.ToString().ToLowerInvariant();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ict {mode}: {bars.Length} candles, swing length {options.SwingLength}; read {readMs} ms, detect {detectMs} ms, total {total} ms"));
        foreach (var table in tables)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table.FileName,-36} {table.StoredRows,9} rows with values"));
        }

        return Ok;
    }
}
