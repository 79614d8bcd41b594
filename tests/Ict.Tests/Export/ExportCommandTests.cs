using System.IO.Compression;
using System.Text;
using TradingBot.Ict.Export;
using TradingBot.Ict.Reference;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Export;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ict-export-tests-" + Guid.NewGuid().ToString("N"));

    public ExportCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(string input, IctExportMode mode = IctExportMode.Reference, int swingLength = 5)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = IctExportCommand.Run(new IctExportOptions(input, Path.Combine(_dir, "out"), swingLength, mode), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        { "missing column", "open_time,open,high,close\n1,1,2,1.5\n", "line 1", "low" },
        { "unparsable number", "open_time,open,high,low,close\n60000,1,2,0.5,1.5\n120000,1,2x,0.5,1.5\n", "line 3", "column 'high'" },
        { "non-finite number", "open_time,open,high,low,close\n60000,NaN,2,0.5,1.5\n", "line 2", "column 'open'" },
        { "infinite number", "open_time,open,high,low,close,volume\n60000,1,2,0.5,1.5,Infinity\n", "line 2", "column 'volume'" },
        { "high below low", "open_time,open,high,low,close\n60000,1,2,0.5,1.5\n120000,1,0.4,0.5,0.45\n", "line 3", "column 'high'" },
        { "unsorted times", "open_time,open,high,low,close\n120000,1,2,0.5,1.5\n60000,1,2,0.5,1.5\n", "line 3", "column 'open_time'" },
        { "duplicate times", "Date,Open,High,Low,Close\n2024.01.01 00:00:00,1,2,0.5,1.5\n2024.01.01 00:00:00,1,2,0.5,1.5\n", "line 3", "column 'date'" },
        { "unparsable date", "Date,Open,High,Low,Close\n2024.13.01 00:00:00,1,2,0.5,1.5\n", "line 2", "column 'date'" },
        { "empty file", "", "line 1", "empty" },
        { "header only", "open_time,open,high,low,close\n", "line 2", "no data rows" },
        { "short row", "open_time,open,high,low,close\n60000,1,2\n", "line 2", "columns" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_naming_file_line_and_column(string _, string content, string line, string detail)
    {
        var path = Write("bad.csv", content);
        var (code, _, err) = Run(path);
        code.Should().Be(IctExportCommand.BadInput);
        err.Should().Contain(path).And.Contain(line).And.Contain(detail);
    }

    [Fact]
    public void Missing_file_and_bad_swing_length_exit_2()
    {
        Run(Path.Combine(_dir, "nope.csv")).Code.Should().Be(2);
        Run(Write("ok.csv", "open_time,open,high,low,close\n60000,1,2,0.5,1.5\n"), swingLength: 0).Code.Should().Be(2);
    }

    [Fact]
    public void Gzip_input_iso_dates_any_case_and_extra_columns_are_accepted()
    {
        var path = Path.Combine(_dir, "in.csv.gz");
        var text = "Extra,DATE,OPEN,HIGH,LOW,CLOSE,VOLUME\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"x,2024-01-01T{i / 60:00}:{i % 60:00}:00Z,{100 + (i % 7)},{110 + (i % 7)},{90 - (i % 5)},{101 + (i % 3)},{i}\n"));
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        var (code, output, err) = Run(path, IctExportMode.Causal, 2);
        (code, err).Should().Be((0, string.Empty));
        output.Should().Contain("40 candles");
        File.ReadAllLines(Path.Combine(_dir, "out", IctTableLayouts.SwingsFile)).Should().HaveCount(41);
    }

    [ReferenceFact("EURUSD_15M.csv", "fvg_result_data.csv", "fvg_consecutive_result_data.csv", "swing_highs_lows_result_data.csv", "bos_choch_result_data.csv", "ob_result_data.csv", "liquidity_result_data.csv")]
    public void Reference_export_writes_six_files_byte_identical_to_the_golden_files()
    {
        var (code, _, err) = Run(SharedData.Reference("EURUSD_15M.csv")!);
        (code, err).Should().Be((0, string.Empty));
        foreach (var file in new[] { IctTableLayouts.FvgFile, IctTableLayouts.FvgJoinedFile, IctTableLayouts.SwingsFile, IctTableLayouts.BosChochFile, IctTableLayouts.OrderBlocksFile, IctTableLayouts.LiquidityFile })
        {
            File.ReadAllBytes(Path.Combine(_dir, "out", file)).Should().Equal(File.ReadAllBytes(SharedData.Reference(file)!), file);
        }
    }

    [ReferenceFact("EURUSD_15M.csv")]
    public void Causal_export_writes_six_files_with_reference_headers_and_one_row_per_candle()
    {
        var (code, _, err) = Run(SharedData.Reference("EURUSD_15M.csv")!, IctExportMode.Causal);
        (code, err).Should().Be((0, string.Empty));
        foreach (var file in Directory.GetFiles(Path.Combine(_dir, "out")))
        {
            var lines = File.ReadAllLines(file);
            lines.Should().HaveCount(24_425, Path.GetFileName(file));
            lines[0].Should().Be(File.ReadLines(SharedData.Reference(Path.GetFileName(file))!).First());
        }

        // FVG is causal already: identical to the reference in both modes.
        File.ReadAllBytes(Path.Combine(_dir, "out", IctTableLayouts.FvgFile)).Should().Equal(File.ReadAllBytes(SharedData.Reference(IctTableLayouts.FvgFile)!));
    }

    [Fact]
    public void Python_repr_formatting()
    {
        static string Format(double value, ColumnFormat format)
        {
            var buffer = new byte[64];
            return Encoding.ASCII.GetString(buffer, 0, TableCsvWriter.FormatValue(value, format, buffer));
        }

        Format(1, ColumnFormat.Double).Should().Be("1.0");
        Format(-1, ColumnFormat.Double).Should().Be("-1.0");
        Format(153, ColumnFormat.Double).Should().Be("153.0");
        Format(0.97369, ColumnFormat.Double).Should().Be("0.97369");
        Format(0.9734555555, ColumnFormat.Float32).Should().Be("0.97345555");
        Format(1e-5, ColumnFormat.Double).Should().Be("1e-05");
        Format(double.NaN, ColumnFormat.Double).Should().BeEmpty();
        Format(1, ColumnFormat.Integer).Should().Be("1");
    }
}
