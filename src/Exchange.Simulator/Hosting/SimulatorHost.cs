using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Exchange.Simulator.Faults;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Server.Rest;
using TradingBot.Exchange.Simulator.Server.Streams;
using TradingBot.Exchange.Simulator.Venue;

namespace TradingBot.Exchange.Simulator.Hosting;

/// <summary>Starts a loopback simulator (Kestrel on 127.0.0.1) in-process.</summary>
public static class SimulatorHost
{
    /// <summary>Loads the data, builds the venue and starts serving. Throws <see cref="InvalidDataException"/> on bad data.</summary>
    public static async Task<SimulatorInstance> StartAsync(SimulatorOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var venue = BuildVenue(options);
        var hub = new StreamHub(options.Streams);
        venue.AttachSink(hub);
        venue.Faults.SocketDropRequested += hub.Drop;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("TradingBot.Exchange.Simulator");
        var pipeline = new RestPipeline(venue, new RestApi(venue, options.RateLimits, options.KeyPermissions), new RateLimiter(options.RateLimits), logger);
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (await hub.TryHandleAsync(context, stopping.Token))
            {
                return;
            }

            if (options.EnableAdminEndpoint && context.Request.Path.StartsWithSegments("/admin", StringComparison.Ordinal))
            {
                await AdminEndpoint.HandleAsync(context, venue);
                return;
            }

            await pipeline.HandleAsync(context);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new SimulatorInstance(app, venue, hub, options, port, stopping, logger);
    }

    /// <summary>Builds the venue without a server (for in-process use such as backtests).</summary>
    public static SimulatedExchange BuildVenue(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = CandleFile.Expand(options.DataPaths);
        if (options.DataPaths.Count > 0 && files.Count == 0)
        {
            throw new InvalidDataException($"No candle files found in: {string.Join(", ", options.DataPaths)}");
        }

        var series = files.Select(f => CandleFile.Load(f)).ToArray();
        var unknown = series.Select(s => s.Symbol).Distinct().Except(options.Symbols).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"Data for symbols not in --symbols: {string.Join(", ", unknown)}");
        }

        var rules = options.Symbols
            .Select(s => options.SymbolRules.FirstOrDefault(r => r.Symbol == s) ?? SymbolSpec.For(s))
            .ToArray();
        var accounts = options.Accounts.Count > 0
            ? options.Accounts
            : [new AccountSpec(SimulatorOptions.DemoApiKey, SimulatorOptions.DemoSecret, options.StartingBalance)];
        var venueOptions = new VenueOptions
        {
            Engine = options.Engine with { Symbols = rules },
            Accounts = accounts,
            Replay = options.Replay with { Speed = options.Speed, Start = options.Start },
            ServerClock = options.Clock,
            ListenKeyValidity = options.ListenKeyValidity,
        };
        return new SimulatedExchange(venueOptions, series, new FaultPlan(options.FaultSeed));
    }
}
