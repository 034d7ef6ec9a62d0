using System.Net;
using ExecutionHub.Tests.Features.Api;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Tests.Infrastructure.Hosting;

/// <summary>The headers every answer carries, checked on the real pipeline in memory (a loopback host).</summary>
public sealed class SecurityHeadersTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_allows_only_the_apps_own_scripts_and_cannot_be_framed()
    {
        using var client = host.Client(null);

        var response = await client.GetAsync("/account/signin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        var csp = Header(response, "Content-Security-Policy");
        var scripts = csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Matches("^script-src 'self' 'nonce-[A-Za-z0-9+/=]+'$", scripts);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_import_map_carries_the_nonce_the_policy_names()
    {
        using var client = host.Client(null);

        // Several pages, so nonces with "+" and "/" (HTML-encoded in the attribute) are among them.
        for (var i = 0; i < 8; i++)
        {
            var response = await client.GetAsync("/account/signin");
            var html = await response.Content.ReadAsStringAsync();

            var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
            var attribute = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"importmap\" nonce=\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEqual("", nonce);
            Assert.Equal(nonce, WebUtility.HtmlDecode(attribute));
        }
    }

    [Fact]
    public async Task An_api_answer_carries_nosniff_and_the_same_policy()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());

        var response = await api.GetAsync("/api/v1/statistics/headline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task A_refused_api_call_and_the_hangfire_redirect_carry_the_headers_too()
    {
        using var anonymous = host.Client(null);

        var refused = await anonymous.GetAsync("/api/v1/statistics/headline");
        var dashboard = await anonymous.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("nosniff", Header(refused, "X-Content-Type-Options"));
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("nosniff", Header(dashboard, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task On_loopback_over_http_there_is_no_hsts_and_no_redirect_to_https()
    {
        using var client = host.Client(null);

        var response = await client.GetAsync("/account/signin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", Header(response, "Strict-Transport-Security"));
    }

    private static IServiceProvider ServicesListeningOn(string urls)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("urls", urls)]).Build();
        var services = new ServiceCollection().AddLogging().AddOptions();
        services.AddExecutionHubSecurity(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Off_loopback_the_sign_in_cookie_and_every_other_cookie_are_always_secure()
    {
        var services = ServicesListeningOn("http://0.0.0.0:8080");

        var signIn = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var policy = services.GetRequiredService<IOptions<CookiePolicyOptions>>().Value;

        Assert.Equal((CookieSecurePolicy.Always, CookieSecurePolicy.Always), (signIn.Cookie.SecurePolicy, policy.Secure));
    }

    [Fact]
    public void On_loopback_cookies_follow_the_request_so_the_demo_works_over_http()
    {
        var services = ServicesListeningOn("http://localhost:5000");

        var signIn = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(CookieSecurePolicy.SameAsRequest, signIn.Cookie.SecurePolicy);
    }

    [Fact]
    public void Only_the_configured_proxies_are_believed()
    {
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();

        WebSecurity.ConfigureForwardedHeaders(options, new ForwardedHeadersSettings { KnownProxies = ["10.0.0.5"], KnownNetworks = ["192.168.10.0/24"] });

        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.10.0/24")], options.KnownIPNetworks);
        Assert.Equal(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
    }
}
