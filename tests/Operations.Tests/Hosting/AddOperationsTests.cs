using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingBot.Operations.Alerts;
using TradingBot.Operations.Alerts.Delivery;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Operations.Hosting;
using TradingBot.Operations.Secrets;
using TradingBot.Operations.Tests.Support;

namespace TradingBot.Operations.Tests.Hosting;

public sealed class AddOperationsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_host_resolves_everything_and_the_outbox_lives_in_the_data_directory()
    {
        var env = new Dictionary<string, string?> { ["BINANCE_API_SECRET"] = "secret-value-123456" };
        var configuration = Configuration(("Alerts:Kinds:websocketreconnected", "false"));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOperations(configuration, _dir.File("data"), environment: env.GetValueOrDefault);

        using var host = builder.Build();
        await host.StartAsync();
        var outbox = host.Services.GetRequiredService<AlertOutbox>();
        outbox.Enqueue(new Alert("a", AlertKind.SystemStarted, AlertSeverity.Info, DateTimeOffset.UtcNow, "started with secret-value-123456"));
        await host.StopAsync();

        outbox.DatabasePath.Should().Be(_dir.File("data/alerts.db"));
        File.Exists(outbox.DatabasePath).Should().BeTrue();
        outbox.ReadAll().Single().Alert.Text.Should().Be("started with ***");
        host.Services.GetRequiredService<AlertDeliveryOptions>().IsEnabled(AlertKind.WebSocketReconnected).Should().BeFalse();
        host.Services.GetServices<IHostedService>().OfType<DiscordAlertDeliverer>().Should().ContainSingle();
    }

    [Fact]
    public void An_outbox_in_the_journal_file_takes_over_the_alerts_still_pending_in_an_old_alerts_db()
    {
        Directory.CreateDirectory(_dir.File("data"));
        new AlertOutbox(_dir.File("data/alerts.db")).Enqueue(new Alert("old", AlertKind.TakeProfitHit, AlertSeverity.Info, DateTimeOffset.UtcNow, "from before the upgrade"));
        var services = new ServiceCollection().AddLogging()
            .AddOperations(Configuration(), _dir.File("data"), environment: _ => null, alertDatabasePath: _dir.File("data/trades.db"));
        using var provider = services.BuildServiceProvider();

        var outbox = provider.GetRequiredService<AlertOutbox>();

        outbox.DatabasePath.Should().Be(_dir.File("data/trades.db"));
        outbox.ReadAll().Select(e => e.Alert.Text).Should().Equal("from before the upgrade");
        File.Exists(_dir.File("data/alerts.db")).Should().BeFalse();
    }

    [Fact]
    public void The_webhook_comes_from_the_environment_and_is_registered_as_a_secret()
    {
        var env = new Dictionary<string, string?> { ["DISCORD_WEBHOOK_URL"] = "https://discord.com/api/webhooks/1/tok-abcdef" };
        var redactor = new SecretRedactor();

        var options = OperationsServiceCollectionExtensions.LoadAlertOptions(Configuration(), env.GetValueOrDefault);
        new ServiceCollection().AddOperations(Configuration(), _dir.Path, redactor, env.GetValueOrDefault);

        options.DiscordWebhookUrl.Should().Be("https://discord.com/api/webhooks/1/tok-abcdef");
        redactor.Redact("see tok-abcdef").Should().Be("see ***");
    }

    [Theory]
    [InlineData("Alerts:Kinds:NoSuchKind", "false", "*Alerts:Kinds:NoSuchKind is not an alert kind*")]
    [InlineData("Alerts:PollInterval", "banana", "*Invalid 'Alerts' configuration*")]
    [InlineData("Alerts:DiscordWebhookUrl", "http://discord.example.com/api/webhooks/1/hidden-token", "*DISCORD_WEBHOOK_URL is not an https:// URL*")]
    public void Bad_alert_configuration_is_refused_with_a_clear_message(string key, string value, string message)
    {
        var act = () => OperationsServiceCollectionExtensions.LoadAlertOptions(Configuration((key, value)), _ => null);

        act.Should().Throw<InvalidOperationException>().WithMessage(message)
            .Where(e => !e.Message.Contains("hidden-token", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
