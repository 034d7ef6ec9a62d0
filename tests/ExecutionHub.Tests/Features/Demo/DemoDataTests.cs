using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Demo;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Seeding_again_on_restart_adds_nothing()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var before = await CountsAsync(app);
        var milestones = await MilestoneCountAsync(app);

        // A second start with Demo:Seed on runs the seeder over the seeded database.
        await ActivatorUtilitiesSeeder(app);

        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(milestones, await MilestoneCountAsync(app));
        Assert.Equal(DemoDataSeeder.CaseCount, before.Cases);
    }

    [Fact]
    public async Task Should_store_the_demo_accounts_in_the_order_they_are_listed_so_every_fresh_database_gets_the_same_data()
    {
        // The generator later reads the users in table order; accounts stored in key (random id) order
        // gave matters to different grid workers on every fresh database.
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var db = await app.DbAsync();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT UserName AS Value FROM AspNetUsers WHERE UserName NOT LIKE 'api-client-%' ORDER BY rowid").ToListAsync();

        var gridWorkers = stored.Skip(DemoAccounts.All.Count).ToList();
        Assert.Equal(DemoAccounts.All.Select(a => a.UserName), stored.Take(DemoAccounts.All.Count));
        Assert.NotEmpty(gridWorkers);
        Assert.Equal(gridWorkers.Select((_, i) => $"grid.w{i + 1:00}"), gridWorkers);
    }

    [Fact]
    public async Task Every_role_has_a_demo_account_scoped_to_its_org_unit()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        foreach (var account in DemoAccounts.All)
        {
            var user = await app.SignInAsAsync(account.UserName);
            Assert.Contains(account.Role, user.Roles);
            var scoped = Roles.ScopeOf(account.Role) switch
            {
                ScopeLevel.Court => user.CourtId,
                ScopeLevel.Street => user.StreetId,
                ScopeLevel.Grid => user.GridId,
                ScopeLevel.Agency => user.AgencyId,
                _ => 0,
            };
            Assert.NotNull(scoped);
        }

        Assert.Equal(Roles.All.ToHashSet(), DemoAccounts.All.Select(a => a.Role).ToHashSet());
    }

    [Fact]
    public async Task Demo_cases_have_well_formed_numbers_valid_ids_and_chinese_parties()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var db = await app.DbAsync();
        var cases = await db.Cases.Include(c => c.Parties).ToListAsync();

        Assert.All(cases, c => Assert.True(CaseNumber.TryParse(c.CaseNumber, out _), c.CaseNumber));
        Assert.All(cases.SelectMany(c => c.Parties), p => Assert.True(
            p.Kind == PartyKind.Person ? IdentityNumbers.IsResidentId(p.IdentityNumber) : IdentityNumbers.IsCreditCode(p.IdentityNumber),
            p.IdentityNumber));
        Assert.True(cases.Select(c => c.Cause).Distinct().Count() >= 8);
        Assert.Contains(cases, c => c.Industry == "房地产");
        Assert.All(cases, c => Assert.True(c.AmountOwed > 0 && c.AmountRecovered <= c.AmountOwed));
        Assert.Equal(2, await db.Streets.CountAsync());
    }

    [Fact]
    public async Task Demo_matters_cover_every_state_including_paused_due_soon_and_overdue()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var db = await app.DbAsync();
        var now = TestApp.Start.UtcDateTime;
        var matters = await db.Matters.Include(m => m.Tasks).ToListAsync();

        var statuses = matters.Select(m => m.Status).ToHashSet();
        Assert.Superset(new HashSet<MatterStatus> { MatterStatus.Received, MatterStatus.Registered, MatterStatus.Dispatched, MatterStatus.FedBack, MatterStatus.Closed, MatterStatus.Cancelled }, statuses);
        Assert.Contains(matters, m => m.IsPaused);
        Assert.Contains(matters, m => m.IsOpen && !m.IsPaused && m.DueAtUtc > now && m.DueAtUtc < now.AddHours(24));
        Assert.Contains(matters, m => m.IsOpen && !m.IsPaused && m.DueAtUtc < now);
        Assert.Contains(matters, m => m.ReturnCount > 0 && m.Status == MatterStatus.Closed);
        Assert.Contains(matters, m => m.Tasks.Any(t => t.Status == VerificationTaskStatus.Submitted));
        Assert.All(matters, m => Assert.True(m.ReceivedAtUtc <= now && m.Tasks.All(t => t.SubmittedAtUtc is null || t.SubmittedAtUtc <= now)));
        Assert.All(matters.Where(m => m.FirstFedBackAtUtc is not null), m => Assert.True(m.Clock(now).FeedbackCycle > TimeSpan.Zero));
    }

    [Fact]
    public async Task Demo_cases_carry_milestones_that_match_their_state()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var db = await app.DbAsync();
        var cases = await db.Cases.Select(c => new { c.Id, c.Status, Kinds = db.Milestones.Where(m => m.CaseId == c.Id).Select(m => m.Kind).ToList() }).ToListAsync();

        Assert.All(cases.Where(c => c.Status == CaseStatus.Paid), c => Assert.Contains(MilestoneKind.PaymentReceived, c.Kinds));
        Assert.All(cases.Where(c => c.Status == CaseStatus.Settled), c => Assert.Contains(MilestoneKind.Settlement, c.Kinds));
        Assert.All(cases.Where(c => c.Status == CaseStatus.InExecution), c => Assert.DoesNotContain(MilestoneKind.Closure, c.Kinds));
        Assert.Contains(cases, c => c.Kinds.Contains(MilestoneKind.AssetSeizure));
    }

    [Fact]
    public async Task Demo_window_visits_cover_both_streets_and_every_purpose_and_some_became_the_workstations_matters()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var db = await app.DbAsync();
        var now = TestApp.Start.UtcDateTime;
        var visits = await db.WindowVisits.ToListAsync();

        Assert.Equal(await db.Streets.Select(s => s.Id).OrderBy(id => id).ToListAsync(), visits.Select(v => v.StreetId).Distinct().Order());
        Assert.Equal(Enum.GetValues<VisitPurpose>().ToHashSet(), visits.Select(v => v.Purpose).ToHashSet());
        Assert.All(visits, v => Assert.True(v.VisitedAtUtc <= v.LoggedAtUtc && v.LoggedAtUtc <= now, $"visit {v.Id}"));
        Assert.Contains(visits, v => v.CanBecomeMatter);
        Assert.All(visits.GroupBy(v => v.StreetId), street => Assert.Contains(street, v => v.VisitedAtUtc >= new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc)));

        var linked = visits.Where(v => v.MatterId is not null).ToList();
        Assert.InRange(linked.Count, 3, 12);
        foreach (var visit in linked)
        {
            var matter = await db.Matters.SingleAsync(m => m.Id == visit.MatterId);
            Assert.Equal((MatterSource.PartyApplication, visit.CaseId, visit.StreetId), (matter.Source, (int?)matter.CaseId, matter.StreetId));
            Assert.True(visit.VisitedAtUtc < matter.ReceivedAtUtc);
            Assert.True(await db.Timeline.AnyAsync(t => t.MatterId == matter.Id && t.Event == "Timeline.MatterFromWindowVisit"));
        }
    }

    [Fact]
    public async Task Without_demo_seeding_there_are_roles_but_no_accounts_or_cases()
    {
        await using var app = await TestApp.CreateAsync(demoData: false);
        await using var db = await app.DbAsync();

        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task Database_runs_in_wal_mode_with_foreign_keys_enforced()
    {
        await using var app = await TestApp.CreateAsync();
        await using var db = await app.DbAsync();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
        Assert.Equal(1L, await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync());
    }

    private static async Task<int> MilestoneCountAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Milestones.CountAsync();
    }

    private static async Task ActivatorUtilitiesSeeder(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync();
    }

    private static async Task<(int Courts, int Streets, int Grids, int Users, int Cases, int Parties, int Matters, int Members, int Visits)> CountsAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return (await db.Courts.CountAsync(), await db.Streets.CountAsync(), await db.Grids.CountAsync(), await db.Users.CountAsync(),
            await db.Cases.CountAsync(), await db.CaseParties.CountAsync(), await db.Matters.CountAsync(), await db.WorkingGroupMembers.CountAsync(),
            await db.WindowVisits.CountAsync());
    }
}
