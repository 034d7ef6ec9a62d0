using ExecutionHub.Tests.Features.Administration.Users;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Demo;

/// <summary>
/// Which accounts anybody could use because their secret is published, what the demo's API key may
/// do, what removing the demo leaves, and which databases get demo data at all.
/// </summary>
public sealed class KnownPasswordAccountsTests
{
    private static readonly UserContext CommandLine = new("", "command line", new HashSet<string>());

    [Fact]
    public async Task Should_find_every_demo_account_and_the_demo_api_client_in_a_seeded_demo()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);

        var found = await app.Services.GetRequiredService<KnownPasswordAccounts>().FindAsync();

        Assert.Superset(DemoAccounts.All.Select(a => a.UserName).Append(DemoApiClient.Name).ToHashSet(), found.ToHashSet());
        Assert.Contains(DemoAccounts.GridWorkerUserName(1), found);
    }

    [Fact]
    public async Task Should_not_count_a_demo_account_that_was_disabled_or_given_a_new_password()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await app.SendAsync(new SetUserDisabled((await app.UserAsync("police.xu")).Id, Disabled: true));
        await app.SendAsync(new ResetUserPassword { Id = (await app.UserAsync("judge.li")).Id, NewPassword = UserAdministrationTestKit.NewPassword });

        var found = await app.Services.GetRequiredService<KnownPasswordAccounts>().FindAsync();

        Assert.DoesNotContain("police.xu", found);
        Assert.DoesNotContain("judge.li", found);
        Assert.Contains("judge.wang", found);
    }

    [Fact]
    public async Task Should_not_count_a_real_account_that_only_shares_a_demo_user_name()
    {
        await using var app = await TestApp.CreateAsync();

        Assert.Equal(0, await CommandLineStep.CreateAdminAsync(app.Services, "admin", "Our#Own-Secret2026", TextWriter.Null));

        Assert.Empty(await app.Services.GetRequiredService<KnownPasswordAccounts>().FindAsync());
    }

    [Fact]
    public async Task Should_keep_the_banners_answer_until_the_recheck_interval_has_passed()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var known = app.Services.GetRequiredService<KnownPasswordAccounts>();
        Assert.True(await known.ExistAsync());

        await DemoAccountRemoval.RemoveAsync(app.Services, CommandLine, CancellationToken.None);

        Assert.True(await known.ExistAsync());
        app.Clock.Advance(KnownPasswordAccounts.RecheckAfter);
        // The re-check runs in the background: the page asking now is answered at once with the last answer.
        Assert.True(await known.ExistAsync());
        await known.CheckedAsync();
        Assert.False(await known.ExistAsync());
    }

    [Fact]
    public async Task Should_disable_every_known_password_account_and_revoke_the_demo_key_on_removal_keeping_the_demo_data()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        int cases;
        await using (var db = await app.DbAsync())
        {
            cases = await db.Cases.CountAsync();
        }

        var outcome = await DemoAccountRemoval.RemoveAsync(app.Services, CommandLine, CancellationToken.None);

        Assert.Contains("admin", outcome.DisabledUsers);
        Assert.True(outcome.ApiKeyRevoked);
        Assert.Empty(await app.Services.GetRequiredService<KnownPasswordAccounts>().FindAsync());
        Assert.True((await app.TrySignInAsync("judge.wang", TestApp.DemoPassword)).IsNotAllowed);
        await using var after = await app.DbAsync();
        Assert.Equal(cases, await after.Cases.CountAsync());
        Assert.True((await after.ApiClients.SingleAsync(c => c.Name == DemoApiClient.Name)).IsRevoked);
        Assert.Equal(outcome.DisabledUsers.Count, await after.Audit.CountAsync(a => a.Action == "User.Disable" && a.Detail == "--remove-demo"));
    }

    [Fact]
    public async Task Should_give_the_published_demo_api_key_only_read_scopes_and_take_back_write_scopes_an_older_demo_gave_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using (var db = await app.DbAsync())
        {
            var client = await db.ApiClients.SingleAsync(c => c.Name == DemoApiClient.Name);
            Assert.Equal([ApiScopes.MattersRead, ApiScopes.ReferenceRead, ApiScopes.StatisticsRead], client.Scopes.Order());
            client.Scopes = [.. ApiScopes.All];
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync();

        await using var after = await app.DbAsync();
        Assert.Equal([ApiScopes.MattersRead, ApiScopes.ReferenceRead, ApiScopes.StatisticsRead], (await after.ApiClients.SingleAsync(c => c.Name == DemoApiClient.Name)).Scopes.Order());
    }

    [Fact]
    public async Task Should_seed_the_demo_into_an_empty_database_when_asked()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

        await using var db = await app.DbAsync();
        Assert.True(await db.Courts.AnyAsync(c => c.CaseCode == DemoAccounts.CourtCode));
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "judge.wang"));
    }

    [Fact]
    public async Task Should_seed_no_demo_into_a_database_that_holds_a_real_account_even_when_asked()
    {
        await using var app = await TestApp.CreateAsync();
        Assert.Equal(0, await CommandLineStep.CreateAdminAsync(app.Services, "chief", "Our#Own-Secret2026", TextWriter.Null));

        await using var restarted = await app.RestartAsync(new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

        await using var db = await restarted.DbAsync();
        Assert.False(await db.Courts.AnyAsync());
        Assert.Equal(["chief"], await db.Users.Select(u => u.UserName!).ToListAsync());
    }
}
