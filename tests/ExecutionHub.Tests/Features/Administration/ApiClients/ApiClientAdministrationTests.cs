using System.Security.Cryptography;
using System.Text;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Account;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.ApiClients;

public sealed class ApiClientAdministrationTests
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<int> DemoCourtAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Courts.Where(c => c.CaseCode == "沪0110").Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task Registering_a_client_returns_its_key_once_and_stores_only_the_hash_and_a_short_prefix()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var issued = await app.SendAsync(new RegisterApiClient { Name = "区法院办案系统", CourtId = await DemoCourtAsync(app), Scopes = [ApiScopes.MattersRead, ApiScopes.MattersWrite] });

        Assert.StartsWith("ehk_", issued.Key, StringComparison.Ordinal);
        Assert.True(issued.Key.Length > 40);
        await using var db = await app.DbAsync();
        var client = await db.ApiClients.SingleAsync(c => c.Id == issued.ClientId);
        Assert.Equal(Sha256(issued.Key), client.KeyHash);
        Assert.Equal(issued.Key[..12], client.KeyPrefix);
        Assert.Equal([ApiScopes.MattersWrite, ApiScopes.MattersRead], client.Scopes);
        // Nowhere in the client's row is the key itself.
        var stored = string.Join("|", client.Name, client.KeyHash, client.KeyPrefix, client.UserId, string.Join(",", client.Scopes));
        Assert.DoesNotContain(issued.Key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Key[12..], stored, StringComparison.Ordinal);
        // Its account names it, cannot sign in, and stays out of the user administration.
        var account = await db.Users.SingleAsync(u => u.Id == client.UserId);
        Assert.Equal("区法院办案系统", account.DisplayName);
        Assert.True(account is { IsApiClient: true, IsDisabled: true, PasswordHash: null });
        var users = await app.SendAsync(new ListUsers(IncludeDisabled: true, PageSize: 100));
        Assert.DoesNotContain(users.Items, u => u.Id == account.Id);
        Assert.Contains(await db.Audit.Where(a => a.Action == "ApiClient.Register").ToListAsync(), a => a.Subject == $"ApiClient:{client.Id}");
        var listed = Assert.Single(await app.SendAsync(new ListApiClients()), c => c.Id == client.Id);
        Assert.Equal(client.KeyPrefix, listed.KeyPrefix);
    }

    [Fact]
    public async Task A_client_needs_a_name_a_court_and_a_known_scope_and_a_name_is_taken_once()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var court = await DemoCourtAsync(app);

        var invalid = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            app.SendAsync(new RegisterApiClient { Name = "", CourtId = null, Scopes = ["everything:write"] }));
        Assert.Contains(invalid.Errors, e => e.PropertyName == "Name");
        Assert.Contains(invalid.Errors, e => e.PropertyName == "CourtId");
        Assert.Contains(invalid.Errors, e => e.PropertyName.StartsWith("Scopes", StringComparison.Ordinal));

        await app.SendAsync(new RegisterApiClient { Name = "重名系统", CourtId = court, Scopes = [ApiScopes.StatisticsRead] });
        var taken = await Assert.ThrowsAsync<DomainRuleException>(() =>
            app.SendAsync(new RegisterApiClient { Name = "重名系统", CourtId = court, Scopes = [ApiScopes.StatisticsRead] }));
        Assert.Equal("Admin.ApiClients.NameTaken", taken.MessageKey);
    }

    [Fact]
    public async Task Rotating_issues_a_new_key_whose_hash_replaces_the_old_and_a_revoked_client_cannot_be_rotated()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var issued = await app.SendAsync(new RegisterApiClient { Name = "轮换系统", CourtId = await DemoCourtAsync(app), Scopes = [ApiScopes.StatisticsRead] });

        var rotated = await app.SendAsync(new RotateApiClientKey(issued.ClientId));

        Assert.NotEqual(issued.Key, rotated.Key);
        await using (var db = await app.DbAsync())
        {
            var client = await db.ApiClients.SingleAsync(c => c.Id == issued.ClientId);
            Assert.Equal(Sha256(rotated.Key), client.KeyHash);
            Assert.False(await db.ApiClients.AnyAsync(c => c.KeyHash == Sha256(issued.Key)));
            Assert.Equal(TestApp.Start.UtcDateTime, client.KeyRotatedAtUtc);
        }

        await app.SendAsync(new RevokeApiClient(issued.ClientId));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new RotateApiClientKey(issued.ClientId)));
        Assert.Equal("Admin.ApiClients.AlreadyRevoked", refused.MessageKey);
    }

    [Fact]
    public async Task Revoking_marks_the_client_revoked_for_good_and_keeps_its_row()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var issued = await app.SendAsync(new RegisterApiClient { Name = "吊销系统", CourtId = await DemoCourtAsync(app), Scopes = [ApiScopes.StatisticsRead] });
        app.Clock.Advance(TimeSpan.FromHours(1));

        await app.SendAsync(new RevokeApiClient(issued.ClientId));
        await app.SendAsync(new RevokeApiClient(issued.ClientId));

        await using var db = await app.DbAsync();
        var client = await db.ApiClients.SingleAsync(c => c.Id == issued.ClientId);
        Assert.Equal(TestApp.Start.UtcDateTime.AddHours(1), client.RevokedAtUtc);
        Assert.Single(await db.Audit.Where(a => a.Action == "ApiClient.Revoke").ToListAsync());
    }

    [Theory]
    [InlineData("judge.wang")]
    [InlineData("coord.chen")]
    public async Task Only_an_administrator_manages_api_clients(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var court = await DemoCourtAsync(app);
        await app.SignInAsAsync(userName);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RegisterApiClient { Name = "x", CourtId = court, Scopes = [ApiScopes.MattersRead] }));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListApiClients()));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RevokeApiClient(1)));
    }

    /// <summary>The API client as the pipeline sees it once its key is checked.</summary>
    private static UserContext Client(int courtId, int clientId, params string[] scopes) =>
        new("api-user", "测试客户端", new HashSet<string> { Roles.ApiClient }, CourtId: courtId, ApiClientId: clientId, ApiScopes: scopes.ToHashSet());

    [Fact]
    public async Task An_api_client_passes_the_pipeline_on_its_scope_and_court_never_on_a_role_or_as_any_signed_in_user()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var court = await DemoCourtAsync(app);
        int matterId;
        await using (var db = await app.DbAsync())
        {
            matterId = await db.Matters.Where(m => m.CourtId == court).Select(m => m.Id).FirstAsync();
        }

        app.User.Current = Client(court, 1, ApiScopes.StatisticsRead);
        await app.SendAsync(new GetHeadlineFigures(new DashboardFilter(DashboardPeriod.SinceOpened)));
        // Without matters:read, not even its own court's matter.
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetMatter(matterId)));
        // A request any signed-in person may send is not open to a client.
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ChangeMyCulture("en")));
        // Nor is a judge's request without an API scope.
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetDashboardCharts(new DashboardFilter())));

        app.User.Current = Client(court, 1, ApiScopes.MattersRead);
        Assert.Equal(matterId, (await app.SendAsync(new GetMatter(matterId))).Id);

        app.User.Current = Client(court + 1000, 2, ApiScopes.MattersRead);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetMatter(matterId)));
    }
}
