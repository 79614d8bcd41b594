namespace TradingBot.Dashboard.Tests.Hosting;

/// <summary>One host and one signed-in client shared by a class's read-only tests (logins are slow on purpose).</summary>
public sealed class SignedInHostFixture : IAsyncLifetime
{
    public DashboardTestHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DashboardTestHost.StartAsync();
        Client = await Host.CreateSignedInClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
