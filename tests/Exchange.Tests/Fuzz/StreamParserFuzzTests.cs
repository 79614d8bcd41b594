using System.Text;
using TradingBot.Exchange.Binance.Streams;
using TradingBot.Exchange.Tests.Support;
using Xunit.Abstractions;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>
/// Mutated market and user-data frames fed to the parser every stream frame goes through
/// (<see cref="StreamMessageParser.Parse"/>, called by the socket's receive loop). Property: it never throws; a frame is
/// either rejected (Malformed / NonFinite, counted by the stream) or ignored on purpose (unknown type, open candle, ack),
/// or it yields an event whose required fields were present and whose values are plausible.
/// </summary>
public sealed class StreamParserFuzzTests(ITestOutputHelper output)
{
    private const int VariantsPerKind = 3000;

    [SharedDataFact]
    public void Mutated_stream_frames_are_rejected_or_yield_plausible_events()
    {
        var tally = new FuzzTally();
        foreach (var kind in StreamPayloads.All())
        {
            foreach (var seed in kind.Seeds)
            {
                var frame = StreamMessageParser.Parse(Encoding.UTF8.GetBytes(seed));
                frame.Kind.Should().BeOneOf([StreamFrameKind.Event, StreamFrameKind.OpenKline], $"the unmutated {kind.Name} seed must parse ({frame.Detail})");
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var mutator = new JsonMutator(FuzzSeeds.For(kind.Name));
            for (var i = 0; i < VariantsPerKind; i++)
            {
                var input = mutator.Mutate(kind.Seeds[i % kind.Seeds.Count]);
                Check(tally, kind.Name, input);
            }

            tally.For(kind.Name).Spent(watch.Elapsed);
        }

        output.WriteLine(tally.Table($"Stream parser fuzz: {VariantsPerKind} variants per kind"));
        tally.Violations.Should().BeEmpty();
    }

    internal static StreamFrameKind? Check(FuzzTally tally, string target, MutatedInput input)
    {
        var row = tally.For(target);
        row.Try();
        StreamFrame frame;
        try
        {
            frame = StreamMessageParser.Parse(input.Utf8);
        }
        catch (Exception ex)
        {
            tally.Violation(target, $"parser threw {ex.GetType().Name}: {ex.Message}", input);
            return null;
        }

        switch (frame.Kind)
        {
            case StreamFrameKind.Malformed or StreamFrameKind.NonFinite:
                row.Reject();
                break;
            case StreamFrameKind.Event:
                var oracle = StreamPayloads.OracleFor(frame.Event!);
                var problem = RequiredFields.FirstMissing(input.Utf8, oracle.Required) is { } missing ? $"accepted without required '{missing}'"
                    : RequiredFields.HasDuplicateProperties(input.Utf8) ? "accepted a frame with a duplicated property name"
                    : oracle.Invariant(frame.Event!);
                if (problem is null)
                {
                    row.Accept();
                }
                else
                {
                    tally.Violation(target, $"{frame.Event!.GetType().Name} {problem}", input);
                }

                break;
            default:
                row.Ignore();
                break;
        }

        return frame.Kind;
    }
}
