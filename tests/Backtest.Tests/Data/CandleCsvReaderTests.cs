using System.Globalization;
using System.IO.Compression;
using System.Text;
using TradingBot.Backtest.Data;

namespace TradingBot.Backtest.Tests.Data;

/// <summary>The byte-level candle reader: same values (scale included) as parsing the text, same errors.</summary>
public sealed class CandleCsvReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bt-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("0.00000000")]
    [InlineData("000123.4500")]
    [InlineData("42")]
    [InlineData("123456789012345678")]
    [InlineData("12345678901234567.8")]
    [InlineData("0.000000000000000001")]
    [InlineData("1234567890123456789.5")]
    [InlineData("5.")]
    [InlineData(".5")]
    public void Every_value_is_what_decimal_parse_gives_trailing_zeros_included(string volume)
    {
        var path = Write("v.csv", $"open_time,open,high,low,close,volume\n60000,1.50,2.0,1,1.5,{volume}\n");

        var bar = CandleCsvReader.Read(path).Single();

        var expected = decimal.Parse(volume, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        decimal.GetBits(bar.Volume).Should().Equal(decimal.GetBits(expected));
        decimal.GetBits(bar.Open).Should().Equal(decimal.GetBits(1.50m));
    }

    [Fact]
    public void Bom_crlf_blank_lines_and_a_last_line_without_newline_are_read_like_text()
    {
        var path = Write("w.csv", "\uFEFFopen_time,open,high,low,close,volume\r\n60000,1,2,0.5,1.5,10\r\n\r\n120000,1,2,0.5,1.5,11");

        var bars = CandleCsvReader.Read(path);

        bars.Select(b => (b.OpenMs, b.Volume)).Should().Equal((60000L, 10m), (120000L, 11m));
    }

    [Fact]
    public void Lines_across_buffer_refills_and_gzip_give_every_row_in_range()
    {
        var text = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (var i = 0; i < 60_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i + 1) * 60_000L},100.{i % 100:00},101.25,99.5,100.75,{i}.123456\n");
        }

        var path = Path.Combine(_folder, "BTCUSDT-1m.csv.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        var bars = CandleCsvReader.Read(path, 60_000L * 10, 60_000L * 50_001);

        bars.Should().HaveCount(49_991);
        bars[0].OpenMs.Should().Be(60_000L * 10);
        bars[^1].Volume.Should().Be(49_999.123456m);
        bars.Select(b => b.OpenMs).Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_bad_field_names_the_file_line_and_column()
    {
        var path = Write("x.csv", "open_time,open,high,low,close,volume\r\n60000,1,2,0.5,1.5,10\r\n120000,1,2,0.5,1.5,x1\r\n");

        var act = () => CandleCsvReader.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}:3: column 6 'x1' is not a plain decimal*");
    }

    [Fact]
    public void A_bad_open_time_quotes_the_line()
    {
        var path = Write("t.csv", "open_time,open,high,low,close,volume\nsoon,1,2,0.5,1.5,10\n");

        var act = () => CandleCsvReader.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}:2: open_time is not an integer (ms): 'soon,1,2,0.5,1.5,10'.");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
