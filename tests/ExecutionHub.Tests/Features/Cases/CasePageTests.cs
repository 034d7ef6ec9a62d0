using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Cases;

/// <summary>The case page against the real pipeline, over a hand-built case whose every time the test names.</summary>
public sealed class CasePageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTime Morning = TestApp.Start.UtcDateTime.AddHours(-20);

    private TestApp app = default!;
    private HandBuiltData data = default!;
    private AsyncServiceScope scope;
    private ExecutionCase @case = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        @case = await data.AddCaseAsync(data.Judge);
        data.ActAs(data.Judge, Roles.Judge);
        AddAuthorization().SetAuthorized(data.Judge.UserName!).SetRoles(Roles.Judge);
        scope = app.Services.CreateAsyncScope();
        UseApplication(scope);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Should_show_the_timeline_across_the_matters_newest_first_with_links_to_each_matter()
    {
        var first = await data.AddMatterAsync(@case, Morning);
        var second = await data.AddMatterAsync(@case, Morning.AddHours(1));
        await CaseTimeline.AddAsync(app, first, Morning, "Timeline.MatterReceived");
        await CaseTimeline.AddAsync(app, second, Morning.AddHours(1), "Timeline.MatterReceived");
        await CaseTimeline.AddAsync(app, first, Morning.AddHours(2), "Timeline.MatterPaused", "等待法院补充材料");

        var page = Render<CasePage>(p => p.Add(x => x.Id, @case.Id));

        await page.WaitForAssertionAsync(() => Assert.Equal(3, page.FindAll("[data-testid=case-timeline] [data-testid=timeline-entry]").Count), Patience);
        var entries = page.FindAll("[data-testid=case-timeline] [data-testid=timeline-entry]");
        Assert.Equal(["Timeline.MatterPaused", "Timeline.MatterReceived", "Timeline.MatterReceived"], entries.Select(e => e.GetAttribute("data-event")));
        Assert.Contains("暂停计时 · 协调员甲", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("等待法院补充材料", entries[0].TextContent, StringComparison.Ordinal);

        // Shown in Shanghai time: 20 hours before 09:30 on 27 November is 13:30 on the 26th, two hours later 15:30.
        Assert.Equal("2026-11-26 15:30", entries[0].QuerySelector("[data-testid=timeline-at]")!.TextContent);
        Assert.Equal(
            [$"/matters/{first.Id}", $"/matters/{second.Id}", $"/matters/{first.Id}"],
            page.FindAll("[data-testid=case-timeline] [data-testid=timeline-matter]").Select(a => a.GetAttribute("href")));
        Assert.Equal(second.Reference, page.FindAll("[data-testid=timeline-matter]")[1].TextContent);
        Assert.Empty(page.FindAll("[data-testid=case-timeline-more]"));
    }

    [Fact]
    public async Task Should_show_earlier_timeline_entries_on_request()
    {
        var matter = await data.AddMatterAsync(@case, Morning);
        for (var i = 0; i < GetCaseTimeline.PageSize + 5; i++)
        {
            await CaseTimeline.AddAsync(app, matter, Morning.AddMinutes(i), "Timeline.MatterPaused", $"第{i}次");
        }

        var page = Render<CasePage>(p => p.Add(x => x.Id, @case.Id));
        await page.WaitForAssertionAsync(() => Assert.Equal(GetCaseTimeline.PageSize, page.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.Contains("还有 5 条", page.Find("[data-testid=case-timeline-more]").TextContent, StringComparison.Ordinal);

        await page.Find("[data-testid=case-timeline-more]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal(GetCaseTimeline.PageSize + 5, page.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.Contains("第0次", page.FindAll("[data-testid=timeline-entry]")[^1].TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=case-timeline-more]"));
    }

    [Fact]
    public async Task Should_show_each_feedback_with_when_it_came_and_whether_the_judge_acknowledged_it()
    {
        var fresh = await data.AddMatterAsync(@case, Morning);
        var read = await data.AddMatterAsync(@case, Morning.AddHours(1));
        var open = await data.AddMatterAsync(@case, Morning.AddHours(2), MatterStatus.Dispatched);
        await FeedBackAsync(fresh, "被执行人现居住于测试路1号，每晚九点后在家。", Morning.AddHours(5));
        await FeedBackAsync(read, "经核实，被执行人名下无车辆。", Morning.AddHours(4), acknowledgedAtUtc: Morning.AddHours(6));

        var page = Render<CasePage>(p => p.Add(x => x.Id, @case.Id));

        // Feedback the judge has not acknowledged yet starts open; the acknowledged one opens on a click.
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find($"[data-testid=case-feedback-{fresh.Reference}]")), Patience);
        var unread = page.Find($"[data-testid=case-feedback-{fresh.Reference}]");
        Assert.Contains("反馈时间 2026-11-26 18:30", unread.TextContent, StringComparison.Ordinal);
        Assert.Contains("法官尚未确认收悉", unread.TextContent, StringComparison.Ordinal);
        Assert.Equal("被执行人现居住于测试路1号，每晚九点后在家。", unread.QuerySelector("[data-testid=case-feedback-text]")!.TextContent);
        Assert.False(IsFolded(unread));

        var acknowledged = page.Find($"[data-testid=case-feedback-{read.Reference}]");
        Assert.Contains("反馈时间 2026-11-26 17:30", acknowledged.TextContent, StringComparison.Ordinal);
        Assert.Contains("法官确认收悉 2026-11-26 19:30", acknowledged.TextContent, StringComparison.Ordinal);
        Assert.True(IsFolded(acknowledged));
        await acknowledged.QuerySelector(".mud-expand-panel-header")!.ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.False(IsFolded(page.Find($"[data-testid=case-feedback-{read.Reference}]"))), Patience);
        Assert.Equal("经核实，被执行人名下无车辆。", page.Find($"[data-testid=case-feedback-{read.Reference}] [data-testid=case-feedback-text]").TextContent);

        // Newest feedback first; a matter still being worked on has none to show.
        Assert.Equal(
            [$"case-feedback-{fresh.Reference}", $"case-feedback-{read.Reference}"],
            page.FindAll("[data-testid=case-feedback-list] .mud-expand-panel").Select(p => p.GetAttribute("data-testid")));
        Assert.DoesNotContain(open.Reference, page.Find("[data-testid=case-feedback-list]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_so_when_a_case_has_no_matters_no_feedback_and_no_timeline_yet()
    {
        var page = Render<CasePage>(p => p.Add(x => x.Id, @case.Id));

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=case-timeline-none]")), Patience);
        Assert.Equal("暂无事项。", page.Find("[data-testid=case-matters-none]").TextContent);
        Assert.Equal("本案事项尚未收到反馈。", page.Find("[data-testid=case-feedback-none]").TextContent);
        Assert.Equal("本案暂无办理记录。", page.Find("[data-testid=case-timeline-none]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=timeline-entry]"));
    }

    [Fact]
    public async Task Should_count_a_matters_clock_down_every_minute_without_reloading()
    {
        // Received 50 hours ago: 22 hours of its 72 left.
        var matter = await data.AddMatterAsync(@case, TestApp.Start.UtcDateTime.AddHours(-50), MatterStatus.Dispatched);
        var page = Render<CasePage>(p => p.Add(x => x.Id, @case.Id));
        var clock = $"[data-testid=case-matter-{matter.Reference}] [data-testid=matter-clock]";
        await page.WaitForAssertionAsync(() => Assert.Equal("剩余 22小时0分", page.Find(clock).TextContent), Patience);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await page.WaitForAssertionAsync(() => Assert.Equal("剩余 21小时59分", page.Find(clock).TextContent), Patience);

        app.Clock.Advance(TimeSpan.FromHours(22));
        await page.WaitForAssertionAsync(() => Assert.Equal("已超期 0小时1分", page.Find(clock).TextContent), Patience);
        Assert.Contains("mud-error-text", page.Find(clock).ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_mask_the_parties_until_one_is_revealed_and_audit_the_reveal()
    {
        var respondent = @case.Parties.Single(p => p.Role == PartyRole.Respondent);
        var page = Render<CasePage>(p => p.Add(x => x.Id, @case.Id));
        var row = $"[data-testid=case-party-{respondent.Id}]";
        await page.WaitForAssertionAsync(() => Assert.Equal("张*丰", page.Find($"{row} [data-testid=case-party-name]").TextContent), Patience);
        Assert.Equal("310110********3456", page.Find($"{row} [data-testid=case-party-id]").TextContent);
        Assert.DoesNotContain("张三丰", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("310110198502023456", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=case-reveal-audited]"));

        await page.Find($"[data-testid=case-party-reveal-{respondent.Id}]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal("张三丰", page.Find($"{row} [data-testid=case-party-name]").TextContent), Patience);
        Assert.Equal("310110198502023456", page.Find($"{row} [data-testid=case-party-id]").TextContent);
        Assert.NotNull(page.Find("[data-testid=case-reveal-audited]"));
        Assert.Equal("申*人", page.Find($"[data-testid=case-party-{@case.Parties.Single(p => p.Role == PartyRole.Applicant).Id}] [data-testid=case-party-name]").TextContent);
        await using var db = await app.DbAsync();
        var audit = await db.Audit.SingleAsync(a => a.Action == "PersonalData.Reveal");
        Assert.Equal((data.Judge.Id, $"Case {@case.CaseNumber}", $"Party {respondent.Id}"), (audit.UserId, audit.Subject, audit.Detail));
    }

    [Fact]
    public async Task Should_offer_to_refer_a_matter_from_the_case_with_its_respondent_chosen_but_not_from_a_closed_case()
    {
        var respondent = @case.Parties.Single(p => p.Role == PartyRole.Respondent);
        var closed = await data.AddCaseAsync(data.Judge, CaseStatus.Closed);

        var page = Render<CasePage>(p => p.Add(x => x.Id, @case.Id));

        await page.WaitForAssertionAsync(() => Assert.Equal("转办", page.Find("[data-testid=case-refer]").TextContent.Trim()), Patience);
        Assert.Equal($"/matters/new?case={Uri.EscapeDataString(@case.CaseNumber)}&respondent={respondent.Id}", page.Find("[data-testid=case-refer]").GetAttribute("href"));

        var closedPage = Render<CasePage>(p => p.Add(x => x.Id, closed.Id));
        await closedPage.WaitForAssertionAsync(() => Assert.Equal(closed.CaseNumber, closedPage.Find("[data-testid=case-number]").TextContent), Patience);
        Assert.Empty(closedPage.FindAll("[data-testid=case-refer]"));
    }

    /// <summary>A folded panel keeps its content in the page, hidden.</summary>
    private static bool IsFolded(AngleSharp.Dom.IElement panel) =>
        panel.QuerySelector(".mud-collapse-container")!.ClassList.Contains("invisible");

    private async Task FeedBackAsync(Matter matter, string feedback, DateTime atUtc, DateTime? acknowledgedAtUtc = null)
    {
        await using var db = await app.DbAsync();
        var stored = await db.Matters.SingleAsync(m => m.Id == matter.Id);
        stored.RecordPastFeedback(feedback, MatterOutcomes.AllowedFor(stored.Type).Cast<MatterOutcome?>().FirstOrDefault(), atUtc, app.Clock.GetUtcNow().UtcDateTime);
        stored.ForceStatus(MatterStatus.FedBack);
        if (acknowledgedAtUtc is { } acknowledged)
        {
            stored.Acknowledge(acknowledged);
        }
        await db.SaveChangesAsync();
    }
}
