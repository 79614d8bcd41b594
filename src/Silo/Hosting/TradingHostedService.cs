using Microsoft.Extensions.Hosting;
using TradingBot.Grains.Gateway;

namespace TradingBot.Silo.Hosting;

/// <summary>Runs the start-up sequence once the runtime is up; in paper mode then starts the replay.</summary>
internal sealed class TradingHostedService(TradingStartup startup, ExchangeGateway gateway, ExchangeConnection connection) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startup.StartAsync(cancellationToken);
        connection.Simulator?.StartReplay();
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await gateway.DisposeAsync();
}
