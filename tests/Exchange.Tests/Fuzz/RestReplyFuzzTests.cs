using TradingBot.Exchange.Binance;
using TradingBot.Exchange.Port;
using TradingBot.Exchange.Tests.Support;
using Xunit.Abstractions;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>
/// Mutated REST replies (and error bodies) answered to the public client calls that parse them. Property: a call
/// either returns a plausible value whose required fields were present, or throws an <see cref="ExchangeException"/>
/// (malformed replies surface as <see cref="ExchangeProtocolException"/>, error bodies as their classified type);
/// never any other exception.
/// </summary>
public sealed class RestReplyFuzzTests(ITestOutputHelper output)
{
    private const int VariantsPerKind = 1500;

    [SharedDataFact]
    public async Task Mutated_rest_replies_are_rejected_with_exchange_exceptions_or_yield_plausible_values()
    {
        var tally = new FuzzTally();
        foreach (var kind in RestPayloads.All())
        {
            var handler = new ReplyHandler(kind.Method, kind.Path);
            using var http = handler.Client();
            var options = TestClients.Options() with { WeightLimitPerMinute = 1_000_000_000, ExchangeInfoRefreshInterval = TimeSpan.Zero };
            await using var client = new BinanceFuturesClient(options, http);
            var isErrorKind = kind.Path == "/fapi/v1/time" && kind.Seeds.Any(s => s.Status != 200);
            foreach (var (status, body) in kind.Seeds)
            {
                handler.Status = status;
                handler.Body = System.Text.Encoding.UTF8.GetBytes(body);
                var seedInput = new MutatedInput(["unmutated"], handler.Body);
                var outcome = await CheckAsync(new FuzzTally(), kind, client, seedInput);
                outcome.Should().Be(isErrorKind ? Outcome.Rejected : Outcome.Accepted, $"the unmutated {kind.Name} seed {body[..Math.Min(80, body.Length)]} must {(isErrorKind ? "be an error" : "parse")}");
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var mutator = new JsonMutator(FuzzSeeds.For(kind.Name));
            for (var i = 0; i < VariantsPerKind; i++)
            {
                var (status, body) = kind.Seeds[i % kind.Seeds.Count];
                var input = mutator.Mutate(body);
                handler.Status = status;
                handler.Body = input.Utf8;
                await CheckAsync(tally, kind, client, input);
            }

            tally.For(kind.Name).Spent(watch.Elapsed);
        }

        output.WriteLine(tally.Table($"REST reply fuzz: {VariantsPerKind} variants per kind"));
        tally.Violations.Should().BeEmpty();
    }

    internal enum Outcome
    {
        Accepted,
        Rejected,
        Violation,
    }

    private static async Task<Outcome> CheckAsync(FuzzTally tally, RestPayloadKind kind, BinanceFuturesClient client, MutatedInput input)
    {
        var row = tally.For(kind.Name);
        row.Try();
        object? value;
        try
        {
            value = await kind.Call(client);
        }
        catch (ExchangeException)
        {
            row.Reject();
            return Outcome.Rejected;
        }
        catch (Exception ex)
        {
            tally.Violation(kind.Name, $"client threw {ex.GetType().Name}: {ex.Message}", input);
            return Outcome.Violation;
        }

        var problem = RequiredFields.FirstMissing(input.Utf8, kind.Required, streamFrame: false) is { } missing ? $"accepted without required '{missing}'"
            : RequiredFields.HasDuplicateProperties(input.Utf8) ? "accepted a reply with a duplicated property name"
            : kind.Invariant(value);
        if (problem is null)
        {
            row.Accept();
            return Outcome.Accepted;
        }

        tally.Violation(kind.Name, problem, input);
        return Outcome.Violation;
    }
}
