using System.Net;

namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>
/// In-memory HTTP answering one route with whatever bytes the fuzzer set (invalid UTF-8 included; a string-based
/// fake would repair it) and every other request with a valid server time, so signed calls can sync their clock.
/// </summary>
internal sealed class ReplyHandler(string method, string path) : HttpMessageHandler
{
    public int Status { get; set; } = 200;

    public byte[] Body { get; set; } = [];

    public HttpClient Client() => new(this) { Timeout = Timeout.InfiniteTimeSpan };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var routed = request.Method.Method == method && request.RequestUri!.AbsolutePath == path;
        var response = new HttpResponseMessage(routed ? (HttpStatusCode)Status : HttpStatusCode.OK)
        {
            Content = routed
                ? new ByteArrayContent(Body)
                : new StringContent($"{{\"serverTime\":{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}"),
            RequestMessage = request,
        };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return Task.FromResult(response);
    }
}
