using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using ExecutionHub.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExecutionHub.Web.Infrastructure.Hosting;

/// <summary>How many requests one client address may make to a part of the app in one window (<c>Security:AddressLimits:{Name}</c>).</summary>
public sealed class AddressLimitSettings
{
    public const string Section = "Security:AddressLimits";

    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// One per-address limit: which requests it counts, how many a window allows, and how a refused one
/// is answered (after the 429 status and the <c>Retry-After</c> header are set).
/// </summary>
public sealed record AddressLimitRule(string Name, Func<HttpRequest, bool> Applies, int PermitLimit, TimeSpan Window, Func<HttpContext, TimeSpan, Task> RefuseAsync);

/// <summary>
/// Limits by client address, before authentication: the sign-in form, the public progress lookup and every
/// <c>/api</c> call, so a flood of wrong passwords, codes or keys is refused before it costs a password
/// hash, a database lookup or a call-log row. The address is <see cref="ConnectionInfo.RemoteIpAddress"/>
/// as the forwarded-headers step left it (a configured proxy's <c>X-Forwarded-For</c>, else the peer).
/// </summary>
public static class AddressLimits
{
    public const string SignInRule = "SignIn";
    public const string ProgressRule = "Progress";

    /// <summary>Adds a rule whose numbers come from <c>Security:AddressLimits:{name}</c>, else the defaults given.</summary>
    public static IServiceCollection AddAddressLimit(
        this IServiceCollection services,
        IConfiguration configuration,
        string name,
        int defaultPermitLimit,
        int defaultWindowSeconds,
        Func<HttpRequest, bool> applies,
        Func<HttpContext, TimeSpan, Task> refuseAsync)
    {
        var settings = configuration.GetSection($"{AddressLimitSettings.Section}:{name}");
        var permits = settings.GetValue(nameof(AddressLimitSettings.PermitLimit), defaultPermitLimit);
        var window = TimeSpan.FromSeconds(Math.Max(1, settings.GetValue(nameof(AddressLimitSettings.WindowSeconds), defaultWindowSeconds)));
        services.TryAddSingleton<AddressWindows>();
        services.AddSingleton(new AddressLimitRule(name, applies, permits, window, refuseAsync));
        return services;
    }

    /// <summary>The page rules: posting the sign-in form and the progress lookup's two forms; refused with a page in the user's language.</summary>
    public static IServiceCollection AddExecutionHubAddressLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAddressLimit(configuration, SignInRule, 10, 60, request => IsPost(request, "/account/signin"), TooManyRequestsPage.WriteAsync);
        services.AddAddressLimit(configuration, ProgressRule, 20, 60, request => IsPost(request, "/progress"), TooManyRequestsPage.WriteAsync);
        return services;
    }

    /// <summary>A post to the page, however the path is cased or ended (routing takes "/Account/SignIn/" to the same page).</summary>
    private static bool IsPost(HttpRequest request, string path) =>
        HttpMethods.IsPost(request.Method) && string.Equals(request.Path.Value?.TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Before the call log and authentication: a refused request gets 429 with <c>Retry-After</c> (the whole
    /// seconds left in its window) and its rule's answer, and goes no further. Refusals are not written to the
    /// API call log; the first refusal of an address in a window is logged once instead.
    /// </summary>
    public static IApplicationBuilder UseAddressLimits(this IApplicationBuilder app)
    {
        var rules = app.ApplicationServices.GetServices<AddressLimitRule>().ToArray();
        var windows = app.ApplicationServices.GetRequiredService<AddressWindows>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AddressLimits));
        return app.Use(async (http, next) =>
        {
            foreach (var rule in rules)
            {
                if (!rule.Applies(http.Request))
                {
                    continue;
                }

                var address = ClientAddress.PartitionOf(http.Connection.RemoteIpAddress);
                var refusal = windows.TryAcquire(rule.Name, address, rule.PermitLimit, rule.Window);
                if (refusal is { } wait)
                {
                    if (wait.FirstInWindow)
                    {
                        logger.LogWarning("Address {Address} exceeded the {Rule} limit of {PermitLimit} per {Window}; refused until the window ends", address, rule.Name, rule.PermitLimit, rule.Window);
                    }

                    http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    http.Response.Headers.RetryAfter = RetryAfterSeconds(wait.RetryAfter).ToString(CultureInfo.InvariantCulture);
                    await rule.RefuseAsync(http, wait.RetryAfter);
                    return;
                }
            }

            await next(http);
        });
    }

    /// <summary>Whole seconds, rounded up, and at least one: a client that waits that long is inside the next window.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}

/// <summary>The part of a client address a limit counts: an IPv4 address, or an IPv6 address's /64 (one household or host's network).</summary>
public static class ClientAddress
{
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>A refusal: how long until the window ends, and whether it is the first refusal of that key in the window.</summary>
public readonly record struct AddressRefusal(TimeSpan RetryAfter, bool FirstInWindow);

/// <summary>
/// Fixed windows aligned to the clock (a 60-second window runs from one whole minute to the next), counted per rule and
/// key in memory. Aligned windows make <c>Retry-After</c> exact: the time left until the boundary. The built-in
/// <c>FixedWindowRateLimiter</c> reports the whole window length instead and runs on a timer of its own, not the
/// injected clock. Counts are per process and start afresh on a restart, as a throttle may.
/// </summary>
public sealed class AddressWindows(TimeProvider clock)
{
    private const int PruneEvery = 1024;
    private readonly ConcurrentDictionary<(string Rule, string Key), Counter> counters = new();
    private long calls;

    /// <summary>Takes one permit, or returns the refusal when the window's permits are used up.</summary>
    public AddressRefusal? TryAcquire(string rule, string key, int permitLimit, TimeSpan window) =>
        Count(rule, key, permitLimit, window, take: true);

    /// <summary>The refusal <see cref="TryAcquire"/> would give, without taking a permit.</summary>
    public AddressRefusal? Peek(string rule, string key, int permitLimit, TimeSpan window) =>
        Count(rule, key, permitLimit, window, take: false);

    /// <summary>Counts one event (a failed sign-in) against the key, whether or not the window is full.</summary>
    public void Add(string rule, string key, TimeSpan window) => Count(rule, key, int.MaxValue, window, take: true);

    private AddressRefusal? Count(string rule, string key, int permitLimit, TimeSpan window, bool take)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var index = now / window.Ticks;
        if (Interlocked.Increment(ref calls) % PruneEvery == 0)
        {
            Prune(now);
        }

        var counter = counters.GetOrAdd((rule, key), _ => new Counter());
        lock (counter)
        {
            if (counter.Index != index || counter.WindowTicks != window.Ticks)
            {
                (counter.Index, counter.WindowTicks, counter.Count, counter.Refused) = (index, window.Ticks, 0, false);
            }

            if (counter.Count >= permitLimit)
            {
                var first = take && !counter.Refused;
                counter.Refused |= take;
                return new AddressRefusal(TimeSpan.FromTicks(((index + 1) * window.Ticks) - now), first);
            }

            if (take)
            {
                counter.Count++;
            }

            return null;
        }
    }

    /// <summary>Drops counters whose window has ended, so addresses seen once do not stay in memory.</summary>
    private void Prune(long now)
    {
        foreach (var (key, counter) in counters)
        {
            bool ended;
            lock (counter)
            {
                ended = (counter.Index + 1) * counter.WindowTicks <= now;
            }

            if (ended)
            {
                counters.TryRemove(new KeyValuePair<(string, string), Counter>(key, counter));
            }
        }
    }

    private sealed class Counter
    {
        public long Index;
        public long WindowTicks;
        public int Count;
        public bool Refused;
    }
}

/// <summary>The small page a refused sign-in or progress lookup gets: in the user's language, the seconds to wait, a way back.</summary>
public static class TooManyRequestsPage
{
    public static async Task WriteAsync(HttpContext http, TimeSpan retryAfter)
    {
        var html = HtmlEncoder.Default;
        var culture = CultureInfo.CurrentUICulture;
        var title = html.Encode(UiText.Get("TooManyRequests.Title"));
        var message = html.Encode(UiText.Format("TooManyRequests.Message", AddressLimits.RetryAfterSeconds(retryAfter)));
        var back = html.Encode(UiText.Get("TooManyRequests.Back"));
        var path = html.Encode(http.Request.PathBase + http.Request.Path + http.Request.QueryString);
        var language = culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
            <body style="font-family: sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem;">
            <h1 style="font-size: 1.4rem;">{title}</h1>
            <p data-testid="too-many-requests">{message}</p>
            <p><a href="{path}">{back}</a></p>
            </body>
            </html>
            """,
            http.RequestAborted);
    }
}
