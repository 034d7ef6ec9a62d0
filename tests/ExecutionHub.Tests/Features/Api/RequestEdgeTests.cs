using System.Net;
using System.Text;
using System.Text.Json;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Infrastructure.Auth;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>Requests built to break the server answer as a client can act on, never 500.</summary>
public sealed class RequestEdgeTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("%2F%09%2Fx")]
    [InlineData("%2F%0A%2Fx")]
    [InlineData("%2F%0D%0A%2Fx")]
    [InlineData("%2F%00")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("https%3A%2F%2Fevil.example")]
    public async Task Should_send_a_language_switch_with_a_return_address_off_this_site_or_with_control_characters_home(string returnUrl)
    {
        using var client = host.Client(key: null);

        var response = await client.GetAsync($"/culture/apply?culture=en&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_keep_a_return_address_on_this_site_after_a_language_switch()
    {
        using var client = host.Client(key: null);

        var response = await client.GetAsync("/culture/apply?culture=en&returnUrl=%2Fmatters%3Fstatus%3DOpen");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/matters?status=Open", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Should_refuse_every_control_character_in_a_return_address()
    {
        var controls = Enumerable.Range(0, 0x20).Append(0x7F).Select(c => $"/a{(char)c}b");

        Assert.All(controls, url => Assert.Equal("/", AccountEndpoints.SafeReturnUrl(url)));
    }

    [Fact]
    public async Task Should_answer_a_referral_body_over_the_limit_with_413_problem_json_and_read_no_further()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var padding = new string('x', ApiBody.MaxBytes);
        using var body = new StringContent($$"""{"caseNumber":"x","request":"{{padding}}"}""", Encoding.UTF8, "application/json");

        var response = await api.PostAsync("/api/v1/matters", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("request.too_large", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(ApiBody.MaxBytes, problem.RootElement.GetProperty("maxBytes").GetInt32());
    }

    [Fact]
    public async Task Should_answer_a_chunked_referral_body_over_the_limit_with_413_too()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var padding = new string('x', ApiBody.MaxBytes);
        using var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"caseNumber":"x","request":"{{padding}}"}""")));
        body.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
