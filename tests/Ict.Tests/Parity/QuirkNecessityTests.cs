using TradingBot.Ict.Periods;
using TradingBot.Ict.Reference;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Parity;

/// <summary>Each named reference quirk is needed: switching it off breaks parity on the golden data.</summary>
public sealed class QuirkNecessityTests
{
    private const string Input = "EURUSD_15M.csv";

    private static SwingSeries ExpectedSwings()
    {
        var expected = Fixtures.Expected("swing_highs_lows_result_data.csv");
        return SwingSeries.FromColumns(expected.Column("HighLow"), expected.Column("Level"), Fixtures.EurUsd.Select(b => b.OpenTimeMs).ToArray());
    }

    private static int Mismatches(IctTable table, ExpectedCsv expected, params string[] float32Columns)
    {
        var count = 0;
        for (var c = 0; c < expected.Columns.Length; c++)
        {
            var f32 = float32Columns.Contains(expected.Columns[c]);
            for (var r = 0; r < expected.Rows; r++)
            {
                var want = expected.Values[c][r];
                var got = table.Get(r, c);
                var same = double.IsNaN(want) || double.IsNaN(got)
                    ? double.IsNaN(want) && double.IsNaN(got)
                    : f32 ? (float)want == (float)got : want == got;
                count += same ? 0 : 1;
            }
        }

        return count;
    }

    [ReferenceFact(Input, "swing_highs_lows_result_data.csv")]
    public void Without_bookends_swings_differ_on_exactly_two_rows() =>
        Mismatches(ReferenceTables.Swings(Fixtures.EurUsd, 5, new ReferenceQuirks(SwingBookends: false)), Fixtures.Expected("swing_highs_lows_result_data.csv"))
            .Should().Be(4, "rows 0 and n−1 lose HighLow and Level");

    [ReferenceFact(Input, "swing_highs_lows_result_data.csv")]
    public void Without_warmup_quirk_swings_differ() =>
        Mismatches(ReferenceTables.Swings(Fixtures.EurUsd, 5, new ReferenceQuirks(SwingWarmup: false)), Fixtures.Expected("swing_highs_lows_result_data.csv"))
            .Should().BeGreaterThan(0);

    [ReferenceFact(Input, "ob_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void Without_bullish_off_by_one_order_blocks_differ_on_the_14_bullish_breakers() =>
        Mismatches(ReferenceTables.OrderBlocks(Fixtures.EurUsd, ExpectedSwings(), quirks: new ReferenceQuirks(BullishObOffByOne: false)), Fixtures.Expected("ob_result_data.csv"), "Top", "Bottom", "OBVolume", "Percentage")
            .Should().Be(14);

    [ReferenceFact(Input, "bos_choch_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void Without_float32_levels_bos_breaks_differ() =>
        Mismatches(ReferenceTables.BosChoch(Fixtures.EurUsd, ExpectedSwings(), quirks: new ReferenceQuirks(Float32Levels: false)), Fixtures.Expected("bos_choch_result_data.csv"), "Level")
            .Should().BeGreaterThan(0);

    [ReferenceFact(Input, "previous_high_low_result_data_4h.csv")]
    public void Without_float32_levels_previous_high_low_flags_differ() =>
        Mismatches(ReferenceTables.PreviousHighLow(Fixtures.EurUsd, PeriodKind.Fixed, 4 * 3_600_000L, "x", new ReferenceQuirks(Float32Levels: false)), Fixtures.Expected("previous_high_low_result_data_4h.csv"), "PreviousHigh", "PreviousLow")
            .Should().BeGreaterThan(0);
}
