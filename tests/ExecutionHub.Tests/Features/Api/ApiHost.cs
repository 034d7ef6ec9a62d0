using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>
/// The real app (middleware, authentication, rate limiter, endpoints, mediator) in memory over a
/// copy of the seeded demo database, with the test clock; <see cref="App"/> reaches the same file
/// directly, to set up clients and check what was saved.
/// </summary>
public class ApiHost : IAsyncLifetime
{
    /// <summary>The header a test sets to send a request from another client address (the in-memory server has none of its own).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly int permitLimit;
    private readonly bool shippedAddressLimits;

    public ApiHost()
        : this(10_000)
    {
    }

    /// <param name="shippedAddressLimits">
    /// False (most tests): every request comes from one address, so the per-address limits are raised out of the way;
    /// true: the limits and sign-in failure counts of the shipped configuration.
    /// </param>
    protected ApiHost(int permitLimit, bool shippedAddressLimits = false)
    {
        this.permitLimit = permitLimit;
        this.shippedAddressLimits = shippedAddressLimits;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private WebApplicationFactory<Program>? factory;

    /// <summary>The running app's services, as configured by its own start-up.</summary>
    public IServiceProvider Services => factory!.Services;

    /// <summary>The demo court's case system as a real installation registers it: every scope (the demo's own key only reads).</summary>
    public const string CourtSystemName = "杨浦法院执行办案系统";

    private IssuedApiKey? courtSystem;
    private (Court Court, ExecutionCase Case)? otherCourt;
    private HandBuiltData? otherOrganisation;

    public TestApp App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await TestApp.CreateAsync(demoData: true);
        await App.SignInAsAsync("admin");
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:ExecutionHub", $"Data Source={App.DatabasePath};Pooling=False");
            builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(App.Folder, "hangfire.db"));
            builder.UseSetting("Demo:Seed", "false");
            // The app runs on the fake clock, which moves only when a test moves it.
            builder.UseSetting("Security:SignInFailures:RefusalMilliseconds", "0");
            builder.UseSetting("Storage:EvidencePath", Path.Combine(App.Folder, "evidence"));
            builder.UseSetting("Api:RateLimit:PermitLimit", permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:RateLimit:WindowSeconds", "60");
            if (!shippedAddressLimits)
            {
                foreach (var rule in new[] { "Api", "SignIn", "Progress" })
                {
                    builder.UseSetting($"Security:AddressLimits:{rule}:PermitLimit", "1000000");
                }

                builder.UseSetting("Security:SignInFailures:PermitLimit", "1000000");
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(App.Clock);
                services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            });
        });
    }

    public HttpClient Client(string? key)
    {
        var client = factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>Waits until the calls answered so far are in the call log, which is written off the request path.</summary>
    public Task CallLogWrittenAsync() => factory!.Services.GetRequiredService<ApiCallLogWriter>().FlushAsync();

    /// <summary>Registers a client as the administrator and returns its key.</summary>
    public async Task<IssuedApiKey> RegisterAsync(string name, int courtId, params string[] scopes)
    {
        await App.SignInAsAsync("admin");
        return await App.SendAsync(new RegisterApiClient { Name = name, CourtId = courtId, Scopes = scopes.ToHashSet() });
    }

    /// <summary>The key of <see cref="CourtSystemName"/>, registered by the administrator the first time it is asked for.</summary>
    public async Task<string> CourtSystemKeyAsync() =>
        (courtSystem ??= await RegisterAsync(CourtSystemName, await DemoCourtIdAsync(), [.. ApiScopes.All])).Key;

    public async Task<int> DemoCourtIdAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Courts.Where(c => c.CaseCode == "沪0110").Select(c => c.Id).SingleAsync();
    }

    /// <summary>A second court with one street, judge and case, for the "other court" cases (built once per host).</summary>
    public async Task<(Court Court, ExecutionCase Case)> OtherCourtAsync()
    {
        if (otherCourt is null)
        {
            var data = await OtherOrganisationAsync();
            otherCourt = (data.Court, await data.AddCaseAsync(data.Judge));
        }

        return otherCourt.Value;
    }

    /// <summary>The hand-built court 沪0199 with its street 测试街道 and judges (built once per host).</summary>
    public async Task<HandBuiltData> OtherOrganisationAsync() =>
        otherOrganisation ??= await new HandBuiltData(App).WithOrganisationAsync();

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await App.DisposeAsync();
    }
}

/// <summary>The same host with a limit of two calls a minute per client.</summary>
public sealed class RateLimitedApiHost() : ApiHost(2);

/// <summary>The same host with the shipped per-address limits and sign-in failure counts.</summary>
public sealed class AddressLimitedApiHost() : ApiHost(10_000, shippedAddressLimits: true);

/// <summary>
/// Gives a request the client address named in <see cref="ApiHost.ClientAddressHeader"/> (else 203.0.113.1), as a
/// connection from that address would, before anything else of the app runs.
/// </summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            var named = http.Request.Headers[ApiHost.ClientAddressHeader].ToString();
            http.Connection.RemoteIpAddress = IPAddress.Parse(named.Length > 0 ? named : "203.0.113.1");
            await nextMiddleware(http);
        });
        next(app);
    };
}
