namespace ExecutionHub.Web.Infrastructure.Hosting;

/// <summary>Origins besides the app's own that may open a circuit (a second host name the proxy serves, say).</summary>
public sealed class AllowedOriginsSettings
{
    public const string Section = "Security";

    /// <summary>Extra origins, e.g. <c>https://execution.court.example</c>: scheme, host and port, no path.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// The Blazor hub (<c>/_blazor</c>) answers only pages of this app. A WebSocket is not bound by the
/// same-origin rule, and the circuit carries the user's cookie, so a foreign page could otherwise open
/// a circuit as the signed-in user (cross-site WebSocket hijacking). A request with an <c>Origin</c>
/// header that is neither the app's own scheme and host nor a configured extra origin is refused with
/// 403; a request without one does not come from a browser page and carries no such risk.
/// </summary>
public static class BlazorOriginCheck
{
    public const string HubPath = "/_blazor";

    public static IServiceCollection AddExecutionHubOriginCheck(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AllowedOriginsSettings.Section).Get<AllowedOriginsSettings>() ?? new AllowedOriginsSettings();
        services.AddSingleton(new AllowedOrigins(settings.AllowedOrigins));
        return services;
    }

    public static IApplicationBuilder UseBlazorOriginCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubPath)
                && context.Request.Headers.Origin is { Count: > 0 } origin
                && !context.RequestServices.GetRequiredService<AllowedOrigins>().Allows(origin.ToString(), context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });
}

/// <summary>The app's own origin (from the request, after forwarded headers) and the configured extras.</summary>
public sealed class AllowedOrigins(IEnumerable<string> extra)
{
    private readonly HashSet<string> extra = extra.Select(Normalise).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool Allows(string origin, HttpRequest request)
    {
        var normalised = Normalise(origin);
        return normalised is not null
            && (string.Equals(normalised, Normalise($"{request.Scheme}://{request.Host}"), StringComparison.OrdinalIgnoreCase) || extra.Contains(normalised));
    }

    /// <summary><c>scheme://host:port</c> with the port always written, so <c>https://a</c> and <c>https://a:443</c> compare equal; null for anything else ("null" included).</summary>
    internal static string? Normalise(string origin) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}"
            : null;
}
