using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;

namespace ExecutionHub.Tests.Features.Cases;

public sealed class GetCaseTimelineTests : IAsyncLifetime
{
    private static readonly DateTime Morning = TestApp.Start.UtcDateTime.AddHours(-20);

    private TestApp app = default!;
    private HandBuiltData data = default!;
    private ExecutionCase @case = default!;
    private Matter first = default!;
    private Matter second = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        @case = await data.AddCaseAsync(data.Judge);
        first = await data.AddMatterAsync(@case, Morning);
        second = await data.AddMatterAsync(@case, Morning.AddHours(1));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Should_merge_the_entries_of_every_matter_and_the_cases_milestones_newest_first()
    {
        await CaseTimeline.AddAsync(app, first, Morning, "Timeline.MatterReceived");
        await CaseTimeline.AddAsync(app, second, Morning.AddHours(1), "Timeline.MatterReceived");
        await CaseTimeline.AddAsync(app, first, Morning.AddHours(3), "Timeline.MatterFedBack");
        data.ActAs(data.Judge, Roles.Judge);
        await app.SendAsync(new RecordMilestone { CaseId = @case.Id, Kind = MilestoneKind.CreditBlacklisting, OccurredOn = new DateOnly(2026, 11, 26) });
        var other = await data.AddCaseAsync(data.Judge);
        await CaseTimeline.AddAsync(app, await data.AddMatterAsync(other, Morning), Morning.AddHours(2), "Timeline.MatterReceived");

        var timeline = await app.SendAsync(new GetCaseTimeline(@case.Id));

        Assert.Equal(
            [
                ("Timeline.MilestoneRecorded", null, null, TestApp.Start.UtcDateTime),
                ("Timeline.MatterFedBack", first.Id, first.Reference, Morning.AddHours(3)),
                ("Timeline.MatterReceived", second.Id, second.Reference, Morning.AddHours(1)),
                ("Timeline.MatterReceived", first.Id, first.Reference, Morning),
            ],
            timeline.Entries.Select(e => (e.Entry.Event, e.MatterId, e.MatterReference, e.Entry.AtUtc)));
        Assert.Equal("法官甲", timeline.Entries[0].Entry.ActorName);
        Assert.EndsWith("2026-11-26", timeline.Entries[0].Entry.Detail, StringComparison.Ordinal);
        Assert.Equal(4, timeline.Total);
        Assert.False(timeline.HasMore);
    }

    [Fact]
    public async Task Should_give_the_newest_entries_first_and_count_the_ones_left_for_show_more()
    {
        for (var i = 0; i < 25; i++)
        {
            await CaseTimeline.AddAsync(app, i % 2 == 0 ? first : second, Morning.AddMinutes(i), "Timeline.MatterPaused", $"第{i}次");
        }

        data.ActAs(data.Judge, Roles.Judge);

        var page = await app.SendAsync(new GetCaseTimeline(@case.Id));
        var more = await app.SendAsync(new GetCaseTimeline(@case.Id, GetCaseTimeline.PageSize * 2));

        Assert.Equal((GetCaseTimeline.PageSize, 25, true), (page.Entries.Count, page.Total, page.HasMore));
        Assert.Equal("第24次", page.Entries[0].Entry.Detail);
        Assert.Equal((25, false), (more.Entries.Count, more.HasMore));
        Assert.Equal("第0次", more.Entries[^1].Entry.Detail);
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GetCaseTimeline(@case.Id, 0)));
    }

    [Fact]
    public async Task Should_show_a_coordinator_the_timeline_of_a_case_in_their_street_and_refuse_one_of_another_street()
    {
        await CaseTimeline.AddAsync(app, first, Morning, "Timeline.MatterReceived");
        Street elsewhere;
        await using (var db = await app.DbAsync())
        {
            elsewhere = new Street { Name = "别的街道", CourtId = data.Court.Id };
            db.Streets.Add(elsewhere);
            await db.SaveChangesAsync();
        }

        data.ActAsStreet(Roles.Coordinator, data.Street.Id);
        Assert.Single((await app.SendAsync(new GetCaseTimeline(@case.Id))).Entries);

        data.ActAsStreet(Roles.Coordinator, elsewhere.Id);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetCaseTimeline(@case.Id)));
    }

    [Fact]
    public async Task Should_refuse_a_judge_of_another_court()
    {
        await CaseTimeline.AddAsync(app, first, Morning, "Timeline.MatterReceived");
        Court elsewhere;
        await using (var db = await app.DbAsync())
        {
            elsewhere = new Court { Name = "别的法院", CaseCode = "沪0198" };
            db.Courts.Add(elsewhere);
            await db.SaveChangesAsync();
        }

        data.ActAs(data.OtherJudge, Roles.Judge);
        Assert.Single((await app.SendAsync(new GetCaseTimeline(@case.Id))).Entries);

        app.User.Current = new UserContext("judge-elsewhere", "外院法官", new HashSet<string> { Roles.Judge }, CourtId: elsewhere.Id);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetCaseTimeline(@case.Id)));
    }
}

/// <summary>Timeline lines written straight into the database, at the times a test names.</summary>
internal static class CaseTimeline
{
    public static async Task AddAsync(TestApp app, Matter matter, DateTime atUtc, string timelineEvent, string detail = "")
    {
        await using AppDbContext db = await app.DbAsync();
        db.Timeline.Add(new TimelineEntry
        {
            CaseId = matter.CaseId,
            MatterId = matter.Id,
            AtUtc = atUtc,
            ActorId = "coordinator",
            ActorName = "协调员甲",
            Event = timelineEvent,
            Detail = detail,
        });
        await db.SaveChangesAsync();
    }
}
