using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace ExecutionHub.Web.Infrastructure.Hosting;

/// <summary>Who sits in front of the app: the TLS proxies whose X-Forwarded-For/-Proto are believed.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// The headers and cookie rules every answer carries: a Content-Security-Policy that runs only the
/// app's own scripts, nosniff, no framing, a strict referrer; HSTS, HTTPS redirection and Secure-only
/// cookies once the app listens beyond this machine — decided as the demo decides it, from the
/// addresses Kestrel will listen on (<see cref="ListeningAddresses"/>).
/// </summary>
public static class WebSecurity
{
    /// <summary>The Scalar API reference page configures itself with an inline script; it alone may run one.</summary>
    public const string ApiReferencePolicy = "api-reference";

    /// <summary>For answers that are downloads (<c>Content-Disposition: attachment</c>): a sandbox, should one be opened anyway.</summary>
    public const string DownloadPolicy = "download";

    /// <summary>True when some address the app listens on reaches the network (not loopback only).</summary>
    public static bool ServesNetwork(IConfiguration configuration) =>
        !ListeningAddresses.AreLoopbackOnly(ListeningAddresses.From(configuration));

    public static IServiceCollection AddExecutionHubSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var network = ServesNetwork(configuration);
        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(policy => AppHeaders(policy, network, allowInlineScripts: false))
            .AddPolicy(ApiReferencePolicy, policy => AppHeaders(policy, network, allowInlineScripts: true))
            .AddPolicy(DownloadPolicy, policy => DownloadHeaders(policy, network))
            // Chosen as the answer starts, so it sees the headers the endpoint set (an evidence PDF's disposition).
            .SetPolicySelector(context => IsDownload(context.HttpContext.Response) ? context.ConfiguredPolicies[DownloadPolicy] : context.SelectedPolicy);

        var secure = network ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<CookiePolicyOptions>(options => options.Secure = secure);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options => options.Cookie.SecurePolicy = secure);
        // Not AntiforgeryOptions.Cookie.SecurePolicy = Always: antiforgery then throws on any plain-HTTP form
        // (a network start without TLS could not even show its sign-in page); the cookie policy marks its cookie Secure instead.

        var proxies = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, proxies));
        services.AddExecutionHubOriginCheck(configuration);
        return services;
    }

    /// <summary>
    /// Only the configured proxies are believed; with none configured, only a proxy on this machine
    /// (ASP.NET Core's default), so a client cannot claim HTTPS or another address by sending the headers itself.
    /// </summary>
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, ForwardedHeadersSettings proxies)
    {
        // The Host header is the browser's as long as the proxy passes it on (docs/configuration.md); X-Forwarded-Host is not believed.
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in proxies.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in proxies.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static bool IsDownload(HttpResponse response) =>
        response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);

    private static void DownloadHeaders(HeaderPolicyCollection policy, bool network)
    {
        policy.AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddSandbox();
                csp.AddDefaultSrc().None();
                csp.AddFrameAncestors().None();
            });
        if (network)
        {
            policy.AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }
    }

    private static void AppHeaders(HeaderPolicyCollection policy, bool network, bool allowInlineScripts)
    {
        policy.AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // 'self' plus the per-request nonce of the import map Blazor writes into the page; no 'unsafe-eval'.
                var scripts = csp.AddScriptSrc().Self().WithNonce();
                if (allowInlineScripts)
                {
                    scripts.UnsafeInline();
                }

                // MudBlazor sets style attributes (positions, sizes, chart colours) on its elements.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data().Blob();
                csp.AddFontSrc().Self().Data();
                // The circuit's WebSocket to the same host ('self' covers ws:/wss: in CSP level 3).
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
        if (network)
        {
            policy.AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }
    }

    /// <summary>
    /// Forwarded headers first (so the scheme and client address are the browser's), then HTTPS
    /// redirection off loopback, then the security headers (HSTS among them off loopback), cookie rules
    /// and the Blazor hub's origin check for everything after.
    /// </summary>
    public static WebApplication UseExecutionHubSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (ServesNetwork(app.Configuration))
        {
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        app.UseBlazorOriginCheck();
        return app;
    }
}
