using System.Diagnostics;
using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// The integration API's plumbing: the <c>X-Api-Key</c> scheme, one authorization policy per API
/// scope, a rate limit per client, the call log, JSON with enum names, and the OpenAPI document.
/// </summary>
public static class ApiServices
{
    public const string BasePath = "/api";

    public static string PolicyFor(string scope) => "api:" + scope;

    public static IServiceCollection AddExecutionHubApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(PolicyFor(scope), policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.ApiClient)
                .RequireClaim(ScopeClaims.ApiScope, scope));
        }

        var limits = configuration.GetSection("Api:RateLimit");
        services.AddSingleton(new ApiClientLimit(limits.GetValue("PermitLimit", 120), TimeSpan.FromSeconds(Math.Max(1, limits.GetValue("WindowSeconds", 60)))));

        // Every call under /api, by address, before its key is checked: wrong keys cost no call-log row once refused.
        services.AddAddressLimit(configuration, "Api", 300, 60, request => request.Path.StartsWithSegments(BasePath),
            (http, _) => ApiProblems.WriteAsync(http, ApiErrorCodes.RateLimited));

        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddScoped<IdempotencyStore>();
        services.AddSingleton<ApiCallLogWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiCallLogWriter>());
        services.AddExecutionHubOpenApi();
        return services;
    }

    /// <summary>
    /// Logs every call under <c>/api</c> (refused ones too) once it is answered — queued for
    /// <see cref="ApiCallLogWriter"/>, so the answer never waits for the database — and keeps the app's
    /// HTML status pages away from API answers. Goes before authentication so a 401 is logged as well.
    /// </summary>
    public static IApplicationBuilder UseApiCallLog(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments(BasePath))
        {
            await next(http);
            return;
        }

        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var started = Stopwatch.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            if (!http.Response.HasStarted && http.Response.StatusCode is >= 400 and < 500)
            {
                // What the framework refuses with an empty body (a path or id that matches no endpoint, a method the path
                // does not take, a query value of the wrong kind: request.unreadable, as when it throws the same in
                // Development) answers in the same shape as every other refusal.
                await ApiProblems.WriteAsync(http, CodeOfEmptyRefusal(http.Response.StatusCode), http.Response.StatusCode);
            }

            status = http.Response.StatusCode;
        }
        catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
        {
            // The server's own limits (a body over Kestrel's maximum, a broken chunked body) answer
            // as problem+json with their status, not as the HTML error page's 500.
            status = bad.StatusCode;
            await ApiProblems.WriteAsync(http, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiErrorCodes.RequestTooLarge : ApiErrorCodes.RequestUnreadable, bad.StatusCode);
        }
        finally
        {
            RecordCall(http, status, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    });

    private static string CodeOfEmptyRefusal(int status) => status switch
    {
        StatusCodes.Status404NotFound => ApiErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ApiErrorCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ApiErrorCodes.RequestTooLarge,
        _ => ApiErrorCodes.RequestUnreadable,
    };

    private static void RecordCall(HttpContext http, int status, int durationMs)
    {
        var services = http.RequestServices;
        int? clientId = int.TryParse(http.User.FindFirst(ScopeClaims.ApiClient)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var path = http.Request.Path.Value ?? "";
        services.GetRequiredService<ApiCallLogWriter>().Enqueue(new ApiCall
        {
            ApiClientId = clientId,
            ClientName = clientId is null ? "" : http.User.FindFirst(ScopeClaims.DisplayName)?.Value ?? "",
            Method = http.Request.Method,
            Path = path.Length > 300 ? path[..300] : path,
            StatusCode = status,
            DurationMs = durationMs,
            AtUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        });
    }

    public static WebApplication MapExecutionHubApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1")
            .AddEndpointFilter<ApiErrorFilter>()
            .AddEndpointFilter<ApiClientLimitFilter>()
            .WithTags("ExecutionHub API v1");
        v1.MapMatterEndpoints();
        v1.MapCaseEndpoints();
        v1.MapFeedbackEndpoints();
        v1.MapMilestoneEndpoints();
        v1.MapStatisticsEndpoints();
        v1.MapImportEndpoints();
        v1.MapReferenceEndpoints();
        app.MapExecutionHubOpenApi();
        return app;
    }
}

/// <summary>How many calls one API client may make per window (<c>Api:RateLimit:*</c>).</summary>
public sealed record ApiClientLimit(int PermitLimit, TimeSpan Window);

/// <summary>
/// The per-client limit, once the key is known: counted in the same clock-aligned windows as the per-address limits,
/// so a refusal's <c>Retry-After</c> is the whole seconds left in the window, not the window's length.
/// </summary>
public sealed class ApiClientLimitFilter(AddressWindows windows, ApiClientLimit limit) : IEndpointFilter
{
    public const string Rule = "ApiClient";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var client = http.User.FindFirst(ScopeClaims.ApiClient)?.Value ?? "anonymous";
        if (windows.TryAcquire(Rule, client, limit.PermitLimit, limit.Window) is { } refusal)
        {
            http.Response.Headers.RetryAfter = AddressLimits.RetryAfterSeconds(refusal.RetryAfter).ToString(CultureInfo.InvariantCulture);
            return ApiProblems.Problem(ApiErrorCodes.RateLimited);
        }

        return await next(context);
    }
}
