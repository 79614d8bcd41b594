using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Json;
using TradingBot.Operations.Secrets;
using TradingBot.Operations.Tests.Support;

namespace TradingBot.Operations.Tests.Secrets;

/// <summary>Secrets logged every way we can think of, written through a real file sink, then grepped for.</summary>
public sealed class RedactingSinkTests : IDisposable
{
    private const string ApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private const string ApiSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string Signature = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
    private const string ListenKey = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";
    private const string WebhookToken = "Xk3_yL9-abcDEF123456ghiJKL789mnoPQR012stuVWX345yzA678BCD901efgHIJ";
    private const string Password = "correct-horse-battery-staple";
    private static readonly string s_webhookUrl = "https://discord.com/api/webhooks/1187654321098765432/" + WebhookToken;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void No_secret_reaches_the_log_file_whatever_route_it_takes()
    {
        var redactor = new SecretRedactor();
        redactor.Register(ApiKey);
        redactor.Register(ApiSecret);
        redactor.Register(s_webhookUrl);
        var jsonFile = _dir.File("log.json");
        var textFile = _dir.File("log.txt");

        using (var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.Redacted(redactor, sinks => sinks
                .File(new JsonFormatter(renderMessage: true), jsonFile)
                .WriteTo.File(textFile, outputTemplate: "{Message:lj} {Properties:j}{NewLine}{Exception}"))
            .CreateLogger())
        {
            var signedUrl = new Uri($"https://fapi.binance.com/fapi/v1/order?symbol=BTCUSDT&timestamp=1&signature={Signature}");

            // Secret in the template text itself (string interpolation instead of a property).
            logger.Information($"Connecting with key {ApiKey} and secret {ApiSecret}");
            // Secrets as properties, named innocently and named as secrets.
            logger.Information("Request {Url} with {Header}", signedUrl, "X-MBX-APIKEY: " + ApiKey);
            logger.Information("User stream {Stream} using {ListenKey}", $"wss://fstream.binance.com/ws/{ListenKey}", ListenKey);
            logger.Information("Webhook {Target}", s_webhookUrl);
            logger.Information("Dashboard login {Password}", Password);
            // Destructured object and dictionary.
            logger.Information("Settings {@Settings}", new { Symbol = "BTCUSDT", ApiSecret = Password, Nested = new { Token = Password } });
            logger.Information("Env {@Env}", new Dictionary<string, string> { ["DASHBOARD_PASSWORD"] = Password, ["Mode"] = "testnet" });
            logger.Information("Sequence {Values}", new[] { "signature=" + Signature, "ok" });
            // Exception whose message and inner exception carry secrets.
            var inner = new InvalidOperationException("listenKey=" + ListenKey);
            logger.Error(new HttpRequestException($"POST {s_webhookUrl} failed for {signedUrl}", inner), "Alert delivery failed");
        }

        // Microsoft.Extensions.Logging → Serilog (how the silo logs) with a message-template property.
        var melFile = _dir.File("mel.json");
        using (var serilog = new LoggerConfiguration()
            .WriteTo.Redacted(redactor, sinks => sinks.File(new JsonFormatter(renderMessage: true), melFile))
            .CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog, dispose: false))
        {
            var logger = factory.CreateLogger("Exchange");
#pragma warning disable CA1848, CA2254 // deliberately the naive way a careless caller would log
            logger.LogWarning("Signed request failed: {RequestUri}", "https://fapi.binance.com/fapi/v1/order?signature=" + Signature);
            logger.LogInformation("Using api key " + ApiKey);
#pragma warning restore CA1848, CA2254
        }

        var output = File.ReadAllText(jsonFile) + File.ReadAllText(textFile) + File.ReadAllText(melFile);
        output.Should().Contain(SecretRedactor.Mask);
        output.Should().Contain("BTCUSDT", "ordinary values survive");
        output.Should().Contain("Alert delivery failed");
        foreach (var secret in new[] { ApiKey, ApiSecret, Signature, ListenKey, WebhookToken, Password })
        {
            CountOccurrences(output, secret).Should().Be(0, "'{0}' must not appear in the logs", secret);
        }

        output.Should().Contain("HttpRequestException", "the exception type stays visible");
    }

    [Fact]
    public void Events_without_secrets_pass_unchanged()
    {
        var sink = new CollectingSink();
        var redacting = new RedactingSink(sink, SecretRedactor.Empty);
        using var logger = new LoggerConfiguration().WriteTo.Sink(redacting).CreateLogger();
        var exception = new InvalidOperationException("plain failure");

        logger.Error(exception, "Order {ClientOrderId} for {Quantity} failed", "tb-1", 0.15m);

        var logged = sink.Events.Single();
        logged.Exception.Should().BeSameAs(exception);
        logged.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Be("Order \"tb-1\" for 0.15 failed");
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class CollectingSink : Serilog.Core.ILogEventSink
    {
        public List<Serilog.Events.LogEvent> Events { get; } = [];

        public void Emit(Serilog.Events.LogEvent logEvent) => Events.Add(logEvent);
    }
}
