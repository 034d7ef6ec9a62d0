using System.Text.Json;
using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Groups;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecutionHub.Tests.Infrastructure.Notifications;

/// <summary>Which open pages a save reaches: the matters, people, agencies, groups, courts and streets each use case's save names.</summary>
public sealed class MatterChangeTests
{
    [Fact]
    public async Task Should_name_the_new_holder_the_matter_its_judge_and_its_street_when_a_matter_is_dispatched()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        var worker = await scenario.AsAsync("grid.liu");
        var matter = await scenario.MatterAsync();

        var change = await ChangeOfMatterDuringAsync(app, matter.Id, () => scenario.DispatchToAsync("grid.liu"));

        Assert.Contains(worker.Id, change.Users);
        Assert.Contains(matter.JudgeId, change.Users);
        Assert.Equal(new[] { matter.StreetId }, change.Streets);
        Assert.Equal(new[] { matter.CourtId }, change.Courts);
        Assert.False(change.Everywhere);
        Assert.True(change.TouchesUser(worker));
        Assert.False(change.TouchesUser(await scenario.AsAsync("grid.sun")));
    }

    [Fact]
    public async Task Should_reach_the_coordinators_views_of_the_matter_when_a_finding_is_submitted()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await DispatchedToLiuAsync(app);
        var coordinator = await scenario.AsAsync("coord.chen");
        var otherStreet = await scenario.AsAsync("coord.zhao");

        var change = await ChangeOfMatterDuringAsync(app, scenario.MatterId, () => scenario.SubmitFindingAsync());

        // The coordinator's matter page follows the matter, their list and home page their street.
        Assert.True(change.TouchesAnyMatter([scenario.MatterId]));
        Assert.False(change.TouchesAnyMatter([scenario.MatterId + 1]));
        Assert.True(change.TouchesScope(coordinator));
        Assert.False(change.TouchesScope(otherStreet));
    }

    [Fact]
    public async Task Should_name_every_holder_of_the_matters_tasks_when_the_matter_is_paused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await DispatchedToLiuAsync(app);
        var worker = await scenario.AsAsync("grid.liu");
        await scenario.AsAsync("coord.chen");
        var version = await scenario.VersionAsync();

        var change = await ChangeOfMatterDuringAsync(app, scenario.MatterId, () => app.SendAsync(new PauseMatter(scenario.MatterId, version, "等待法院补充材料")));

        // The pause saves the matter only; the grid worker's task list still has to show the task paused.
        Assert.Contains(worker.Id, change.Users);
    }

    [Fact]
    public async Task Should_name_the_holder_who_lost_a_task_and_the_group_that_gained_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await DispatchedToLiuAsync(app);
        var worker = await scenario.AsAsync("grid.liu");
        await using var db = await app.DbAsync();
        var streetId = (await scenario.MatterAsync()).StreetId;
        var group = await db.WorkingGroups.Where(g => g.StreetId == streetId).Select(g => g.Id).FirstAsync();
        await scenario.AsAsync("coord.chen");
        var version = await scenario.TaskVersionAsync();

        var change = await ChangeOfMatterDuringAsync(app, scenario.MatterId, () => app.SendAsync(new AssignTaskToGroup(scenario.TaskId, version, group)));

        Assert.Contains(worker.Id, change.Users);
        Assert.Equal(new[] { group }, change.Groups);
        Assert.True(change.TouchesAnyGroup([group]));
    }

    [Fact]
    public async Task Should_name_the_matter_of_a_timeline_line_saved_on_its_own()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var matter = await scenario.MatterAsync();

        // Evidence uploads and deletions change no matter or task row, only the timeline the matter page shows.
        var change = await ChangeOfMatterDuringAsync(app, matter.Id, async () =>
        {
            await using var db = await app.DbAsync();
            db.Timeline.Add(new TimelineEntry { CaseId = matter.CaseId, MatterId = matter.Id, AtUtc = TestApp.Start.UtcDateTime, ActorId = matter.JudgeId, ActorName = "某人", Event = "Timeline.EvidenceUploaded" });
            await db.SaveChangesAsync();
        });

        Assert.Empty(change.Users);
        Assert.Empty(change.Streets);
    }

    [Fact]
    public async Task Should_publish_nothing_for_a_save_refused_as_stale()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var now = TestApp.Start.UtcDateTime;
        await using var first = await app.DbAsync();
        await using var second = await app.DbAsync();
        var mine = await first.Matters.SingleAsync(m => m.Id == scenario.MatterId);
        var theirs = await second.Matters.SingleAsync(m => m.Id == scenario.MatterId);
        mine.Pause("第一位协调员暂停", now);
        await first.SaveChangesAsync();

        var changes = await ChangesDuringAsync(app, () =>
        {
            theirs.Pause("第二位协调员暂停", now);
            return Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        });

        Assert.Empty(changes);
    }

    [Fact]
    public void Should_travel_as_json_and_come_back_the_same()
    {
        var change = MatterChange.Of(Set(1), Set(2), Set(3, 4), new HashSet<string> { "u1", "u2" }, Set(5), Set(6));

        var back = JsonSerializer.Deserialize<MatterChange>(JsonSerializer.Serialize(change))!;

        Assert.Equal(change.Courts, back.Courts);
        Assert.Equal(change.Streets, back.Streets);
        Assert.Equal(change.Matters, back.Matters);
        Assert.Equal(change.Users, back.Users);
        Assert.Equal(change.Agencies, back.Agencies);
        Assert.Equal(change.Groups, back.Groups);
        Assert.False(back.Everywhere);
    }

    [Fact]
    public void Should_become_everywhere_with_no_ids_when_a_save_touches_more_than_a_payload_should_carry()
    {
        var many = Enumerable.Range(1, MatterChange.MaxIds + 1).ToHashSet();

        var change = MatterChange.Of(Set(1), Set(2), many, new HashSet<string>(), Set(), Set());

        Assert.True(change.Everywhere);
        Assert.Empty(change.Matters);
        Assert.True(change.TouchesAnyMatter([12345]));
        Assert.True(change.TouchesUser(new UserContext("anyone", "某人", new HashSet<string>())));
    }

    [Fact]
    public void Should_still_reach_other_pages_when_one_listener_fails()
    {
        var feed = new InProcessMatterChangeFeed(NullLogger<InProcessMatterChangeFeed>.Instance);
        var heard = 0;
        feed.Changed += _ => throw new InvalidOperationException("a closed page");
        feed.Changed += _ => heard++;

        feed.Publish(MatterChange.Of(Set(1), Set(2), Set(3), new HashSet<string>(), Set(), Set()));

        Assert.Equal(1, heard);
    }

    [Fact]
    public async Task Should_tell_the_pages_of_a_change_saved_in_a_transaction_only_once_it_commits_and_never_if_it_rolls_back()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        var @case = await data.AddCaseAsync(data.Judge);
        var matter = await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, TestApp.Start.UtcDateTime, _ => { });
        var feed = app.Services.GetRequiredService<IMatterChangeFeed>();
        var heardBeforeCommit = 0;

        var heard = await ChangesDuringAsync(app, async () =>
        {
            await using var db = await app.DbAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var saved = await db.Matters.SingleAsync(m => m.Id == matter.Id);
            saved.Request = "改过";
            var versionBefore = feed.Version;
            await db.SaveChangesAsync();
            heardBeforeCommit = (int)(feed.Version - versionBefore);
            await transaction.CommitAsync();
        });
        var rolledBack = await ChangesDuringAsync(app, async () =>
        {
            await using var db = await app.DbAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var saved = await db.Matters.SingleAsync(m => m.Id == matter.Id);
            saved.Request = "又改过";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });

        Assert.Equal(0, heardBeforeCommit);
        Assert.Contains(heard, c => c.Matters.Contains(matter.Id));
        Assert.Empty(rolledBack);
    }

    private static HashSet<int> Set(params int[] ids) => [.. ids];

    private static async Task<WorkflowScenario> DispatchedToLiuAsync(TestApp app)
    {
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        return scenario;
    }

    /// <summary>What the use case's saves (a dispatch saves twice) told the pages about <paramref name="matterId"/>, together.</summary>
    private static async Task<MatterChange> ChangeOfMatterDuringAsync(TestApp app, int matterId, Func<Task> action)
    {
        var changes = (await ChangesDuringAsync(app, action)).Where(c => c.Matters.Contains(matterId)).ToList();
        Assert.NotEmpty(changes);
        return MatterChange.Of(
            changes.SelectMany(c => c.Courts).ToHashSet(),
            changes.SelectMany(c => c.Streets).ToHashSet(),
            changes.SelectMany(c => c.Matters).ToHashSet(),
            changes.SelectMany(c => c.Users).ToHashSet(),
            changes.SelectMany(c => c.Agencies).ToHashSet(),
            changes.SelectMany(c => c.Groups).ToHashSet(),
            changes.Any(c => c.Everywhere));
    }

    private static async Task<IReadOnlyList<MatterChange>> ChangesDuringAsync(TestApp app, Func<Task> action)
    {
        var feed = app.Services.GetRequiredService<IMatterChangeFeed>();
        var changes = new List<MatterChange>();
        void Listen(MatterChange change)
        {
            lock (changes)
            {
                changes.Add(change);
            }
        }

        feed.Changed += Listen;
        try
        {
            await action();
        }
        finally
        {
            feed.Changed -= Listen;
        }

        return changes;
    }
}
