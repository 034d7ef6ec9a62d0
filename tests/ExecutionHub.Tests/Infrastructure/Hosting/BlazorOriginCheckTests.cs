using System.Net;
using ExecutionHub.Tests.Features.Api;
using ExecutionHub.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http;

namespace ExecutionHub.Tests.Infrastructure.Hosting;

/// <summary>The Blazor hub opens circuits only for pages of this app (cross-site WebSocket hijacking).</summary>
public sealed class BlazorOriginCheckTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<HttpResponseMessage> NegotiateAsync(string? origin)
    {
        using var client = host.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_foreign_origin_is_refused_the_hub()
    {
        var response = await NegotiateAsync("http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_apps_own_origin_is_let_in()
    {
        var response = await NegotiateAsync("http://localhost");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_same_host_on_another_scheme_or_port_is_foreign()
    {
        var otherScheme = await NegotiateAsync("https://localhost");
        var otherPort = await NegotiateAsync("http://localhost:8081");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (otherScheme.StatusCode, otherPort.StatusCode));
    }

    [Theory]
    [InlineData("https://execution.court.example", true)]
    [InlineData("https://execution.court.example:443", true)]
    [InlineData("http://execution.court.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("null", false)]
    public void A_configured_extra_origin_is_allowed_as_written(string origin, bool allowed)
    {
        var origins = new AllowedOrigins(["https://execution.court.example"]);
        var request = new DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new HostString("hub.internal");

        Assert.Equal(allowed, origins.Allows(origin, request));
    }
}
