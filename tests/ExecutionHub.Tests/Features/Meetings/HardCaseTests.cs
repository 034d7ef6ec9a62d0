using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;

namespace ExecutionHub.Tests.Features.Meetings;

/// <summary>Hard cases for the joint meeting: a judge or coordinator flags a matter with a reason, and clears it.</summary>
public sealed class HardCaseTests
{
    [Fact]
    public async Task A_judge_flags_a_hard_case_with_a_reason_on_the_matters_timeline_and_clears_it_again()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);

        var matterId = await scenario.FlagHardCaseAsync("涉众案件，需多部门协同");

        var view = await app.SendAsync(new GetMatter(matterId));
        Assert.Equal("涉众案件，需多部门协同", view.HardCase!.Reason);
        Assert.Contains(view.Timeline, t => t.Event == "Timeline.HardCaseFlagged" && t.Detail == "涉众案件，需多部门协同");

        await app.SignInAsAsync("coord.chen");
        await app.SendAsync(new FlagHardCase(matterId, view.Version, false, "已协调解决"));
        var cleared = await app.SendAsync(new GetMatter(matterId));
        Assert.Null(cleared.HardCase);
        Assert.Contains(cleared.Timeline, t => t.Event == "Timeline.HardCaseCleared");
    }

    [Fact]
    public async Task Flagging_a_hard_case_needs_a_reason_and_a_judge_or_coordinator()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var matterId = await scenario.FlagHardCaseAsync();
        var version = (await app.SendAsync(new GetMatter(matterId))).Version;

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new FlagHardCase(matterId, version, false, " ")));
        await app.SignInAsAsync("street.huang");
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new FlagHardCase(matterId, version, false, "无")));
        await app.SignInAsAsync("coord.zhao");
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new FlagHardCase(matterId, version, false, "无")));
    }
}
