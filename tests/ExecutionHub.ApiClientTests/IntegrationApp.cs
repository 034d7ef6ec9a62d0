using System.Net;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Features.Api.Webhooks;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.ApiClientTests;

/// <summary>
/// The app with its demo, on a loopback port, as an integrating court system meets it: one API client of the demo court
/// with every scope, registered and given a webhook URL by the administrator (set up here, as the administrator's page
/// would); everything else the tests do goes through the generated client.
/// </summary>
public sealed class IntegrationApp : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "executionhub-apiclient-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> factory = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public IServiceProvider Services => factory.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:ExecutionHub", $"Data Source={Path.Combine(folder, "app.db")}");
            builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(folder, "hangfire.db"));
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Storage:EvidencePath", Path.Combine(folder, "evidence"));
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await Task.Run(factory.StartServer).WaitAsync(TimeSpan.FromMinutes(5));
        BaseAddress = factory.ClientOptions.BaseAddress;
        using var first = new HttpClient { BaseAddress = BaseAddress };
        (await first.GetAsync("/account/signin")).EnsureSuccessStatusCode();
        await factory.Services.GetRequiredService<DemoFollowUp>().Completed.WaitAsync(TimeSpan.FromMinutes(5));
    }

    /// <summary>What the administrator hands the integrator: a key with every scope and the webhook's signing secret.</summary>
    public async Task<(string Key, string WebhookSecret)> RegisterClientAsync(string webhookUrl)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var court = await db.Courts.SingleAsync(c => c.CaseCode == "沪0110");
        var (client, key) = ApiClientAccounts.Add(db, "法院执行系统（生成客户端测试）", court.Id, ApiScopes.All, DateTime.UtcNow);
        var secret = WebhookSigning.NewSecret();
        client.WebhookUrl = webhookUrl;
        client.WebhookSecretProtected = scope.ServiceProvider.GetRequiredService<WebhookSecretProtector>().Protect(secret);
        client.WebhookSecretIssuedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
        return (key.Key, secret);
    }

    public HttpClient Http(string key)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        return http;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing process: the temp folder is cleaned by the system.
        }
    }
}
