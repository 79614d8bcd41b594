using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TradingBot.Dashboard.Tests.Hosting;

/// <summary>Every (method, concrete URL) the app maps, read from its EndpointDataSource.</summary>
internal static partial class EndpointCatalog
{
    /// <summary>Endpoints reachable without a session, on purpose.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /login",
        "GET /auth/antiforgery",
        "POST /auth/login",
        "GET /api/health",
    };

    public static IReadOnlyList<MappedEndpoint> All(DashboardTestHost host)
    {
        var source = host.App.Services.GetRequiredService<EndpointDataSource>();
        var result = new List<MappedEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                result.Add(new MappedEndpoint(method, Concrete(pattern), $"{method} {pattern}", anonymous));
            }
        }

        return result;
    }

    public static bool IsStateChanging(string method) => method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>Replaces route parameters with sample values that exist in the fakes.</summary>
    private static string Concrete(string pattern) => Parameter().Replace(pattern, match => match.Groups[1].Value switch
    {
        "symbol" => "BTCUSDT",
        "timeframe" => "15m",
        "strategy" => "A",
        "id" => "bt-1",
        _ => "x",
    });

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}

internal sealed record MappedEndpoint(string Method, string Url, string Key, bool AllowsAnonymous);
