using System.Net;
using System.Net.Http.Json;
using System.Text;
using TradingBot.Dashboard.Tests.Hosting;

namespace TradingBot.Dashboard.Tests.Fuzz;

/// <summary>
/// One test per defect the dashboard fuzzer found: a 500 on an unknown request charset, and refusals that
/// carried no body at all (401 without a session, 400 on malformed JSON, 415 on a wrong content type, SignalR's 405).
/// </summary>
public sealed class DashboardFuzzFindingsRegressionTests(SignedInHostFixture fixture) : IClassFixture<SignedInHostFixture>
{
    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        var error = await response.Content.ReadFromJsonAsync<ApiError>();
        error!.Error.Should().NotBeNullOrWhiteSpace();
        return error.Error;
    }

    [Theory]
    [InlineData("application/json; charset=\"bogus\"")]
    [InlineData("application/json; charset=ebcdic-xx")]
    public async Task Unknown_request_charset_is_a_415_with_a_message_not_a_500(string contentType)
    {
        var callsBefore = fixture.Host.Control.Calls.Count;
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/control/entries") { Content = new ByteArrayContent("""{"allowed": false}"""u8.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await fixture.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await ErrorOf(response)).Should().Contain("UTF-8");
        fixture.Host.Control.Calls.Count.Should().Be(callsBefore);
    }

    [Fact]
    public async Task Request_without_a_session_gets_a_401_that_says_to_sign_in()
    {
        using var anonymous = fixture.Host.CreateClient();

        using var response = await anonymous.GetAsync("/api/trading/positions");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ErrorOf(response)).Should().Contain("sign in");
    }

    [Theory]
    [InlineData("{\"allowed\": ")]
    [InlineData("{\"allowed\": \"maybe\"}")]
    [InlineData("[[[[[[")]
    public async Task Malformed_json_body_gets_a_400_with_the_reason(string body)
    {
        using var response = await fixture.Client.PutAsync("/api/control/entries", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).Should().Contain("JSON");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task Body_with_a_wrong_content_type_gets_a_415_with_a_message(string contentType)
    {
        using var response = await fixture.Client.PutAsync("/api/control/entries", new StringContent("""{"allowed": false}""", Encoding.UTF8, contentType));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await ErrorOf(response)).Should().Contain("application/json");
    }

    [Fact]
    public async Task Wrong_method_on_the_hub_negotiate_endpoint_gets_a_message()
    {
        using var response = await fixture.Client.GetAsync("/hubs/dashboard/negotiate");

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await ErrorOf(response)).Should().Contain("GET");
    }

    [Fact]
    public async Task Unknown_api_path_gets_a_404_with_a_message()
    {
        using var response = await fixture.Client.GetAsync("/api/no-such-thing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(response)).Should().Contain("/api/no-such-thing");
    }
}
