using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace TradingBot.Dashboard.Security;

/// <summary>
/// Rejects a state-changing request (POST/PUT/PATCH/DELETE) unless it carries a valid antiforgery
/// token in the <see cref="HeaderName"/> header, paired with the antiforgery cookie. Pages get the
/// token from <c>GET /auth/antiforgery</c>.
/// </summary>
internal sealed class AntiforgeryEndpointFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            return await next(context);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Json(new ApiError("antiforgery token missing or invalid: send the token from GET /auth/antiforgery in the X-CSRF-TOKEN header"), statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
