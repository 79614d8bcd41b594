using TradingBot.Ict.Periods;
using TradingBot.Ict.Reference;
using TradingBot.Ict.Tests.Support;

namespace TradingBot.Ict.Tests.Parity;

/// <summary>§5 parity plan: every expected smartmoneyconcepts file reproduced row for row in reference mode.</summary>
public sealed class ReferenceParityTests
{
    private const string Input = "EURUSD_15M.csv";

    private static SwingSeries OurSwings()
    {
        var bars = Fixtures.EurUsd;
        return SwingSeries.FromTable(ReferenceTables.Swings(bars, 5), bars.Select(b => b.OpenTimeMs).ToArray());
    }

    private static SwingSeries ExpectedSwings()
    {
        var expected = Fixtures.Expected("swing_highs_lows_result_data.csv");
        return SwingSeries.FromColumns(expected.Column("HighLow"), expected.Column("Level"), Fixtures.EurUsd.Select(b => b.OpenTimeMs).ToArray());
    }

    [ReferenceFact(Input, "swing_highs_lows_result_data.csv")]
    public void S1_swings_match()
    {
        var table = ReferenceTables.Swings(Fixtures.EurUsd, 5);
        TableAssert.Matches(table, Fixtures.Expected("swing_highs_lows_result_data.csv"), Fixtures.EurUsd);
        table.StoredRows.Should().Be(2708);
    }

    [ReferenceFact(Input, "fvg_result_data.csv")]
    public void F1_fvg_matches() =>
        TableAssert.Matches(ReferenceTables.Fvg(Fixtures.EurUsd, join: false), Fixtures.Expected("fvg_result_data.csv"), Fixtures.EurUsd);

    [ReferenceFact(Input, "fvg_consecutive_result_data.csv")]
    public void F2_fvg_consecutive_matches() =>
        TableAssert.Matches(ReferenceTables.Fvg(Fixtures.EurUsd, join: true), Fixtures.Expected("fvg_consecutive_result_data.csv"), Fixtures.EurUsd);

    [ReferenceFact(Input, "bos_choch_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void B1_bos_choch_matches_with_our_swings() =>
        TableAssert.Matches(ReferenceTables.BosChoch(Fixtures.EurUsd, OurSwings()), Fixtures.Expected("bos_choch_result_data.csv"), Fixtures.EurUsd, "Level");

    [ReferenceFact(Input, "bos_choch_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void B1_bos_choch_matches_with_expected_swings() =>
        TableAssert.Matches(ReferenceTables.BosChoch(Fixtures.EurUsd, ExpectedSwings()), Fixtures.Expected("bos_choch_result_data.csv"), Fixtures.EurUsd, "Level");

    [ReferenceFact(Input, "ob_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void O1_order_blocks_match_with_our_swings() =>
        TableAssert.Matches(ReferenceTables.OrderBlocks(Fixtures.EurUsd, OurSwings()), Fixtures.Expected("ob_result_data.csv"), Fixtures.EurUsd, "Top", "Bottom", "OBVolume", "Percentage");

    [ReferenceFact(Input, "ob_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void O1_order_blocks_match_with_expected_swings() =>
        TableAssert.Matches(ReferenceTables.OrderBlocks(Fixtures.EurUsd, ExpectedSwings()), Fixtures.Expected("ob_result_data.csv"), Fixtures.EurUsd, "Top", "Bottom", "OBVolume", "Percentage");

    [ReferenceFact(Input, "liquidity_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void L1_liquidity_matches_with_our_swings() =>
        TableAssert.Matches(ReferenceTables.Liquidity(Fixtures.EurUsd, OurSwings()), Fixtures.Expected("liquidity_result_data.csv"), Fixtures.EurUsd, "Liquidity", "Level", "End", "Swept");

    [ReferenceFact(Input, "liquidity_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void L1_liquidity_matches_with_expected_swings() =>
        TableAssert.Matches(ReferenceTables.Liquidity(Fixtures.EurUsd, ExpectedSwings()), Fixtures.Expected("liquidity_result_data.csv"), Fixtures.EurUsd, "Liquidity", "Level", "End", "Swept");

    [ReferenceFact(Input, "previous_high_low_result_data_4h.csv")]
    public void P1_previous_high_low_4h_matches() => PreviousHighLow("previous_high_low_result_data_4h.csv", PeriodKind.Fixed, 4 * 3_600_000L);

    [ReferenceFact(Input, "previous_high_low_result_data_1D.csv")]
    public void P2_previous_high_low_1d_matches() => PreviousHighLow("previous_high_low_result_data_1D.csv", PeriodKind.Fixed, 86_400_000L);

    [ReferenceFact(Input, "previous_high_low_result_data_W.csv")]
    public void P3_previous_high_low_week_matches() => PreviousHighLow("previous_high_low_result_data_W.csv", PeriodKind.Week, 7 * 86_400_000L);

    [ReferenceFact(Input, "retracements_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void R1_retracements_match_with_our_swings() =>
        TableAssert.Matches(ReferenceTables.Retracements(Fixtures.EurUsd, OurSwings()), Fixtures.Expected("retracements_result_data.csv"), Fixtures.EurUsd);

    [ReferenceFact(Input, "retracements_result_data.csv", "swing_highs_lows_result_data.csv")]
    public void R1_retracements_match_with_expected_swings() =>
        TableAssert.Matches(ReferenceTables.Retracements(Fixtures.EurUsd, ExpectedSwings()), Fixtures.Expected("retracements_result_data.csv"), Fixtures.EurUsd);

    [ReferenceFact(Input, "sessions_result_data.csv")]
    public void SE1_london_session_matches() =>
        TableAssert.Matches(ReferenceTables.Sessions(Fixtures.EurUsd, 7 * 60, 16 * 60), Fixtures.Expected("sessions_result_data.csv"), Fixtures.EurUsd, "High", "Low");

    private static void PreviousHighLow(string file, PeriodKind kind, long periodMs) =>
        TableAssert.Matches(ReferenceTables.PreviousHighLow(Fixtures.EurUsd, kind, periodMs, file), Fixtures.Expected(file), Fixtures.EurUsd, "PreviousHigh", "PreviousLow");
}
