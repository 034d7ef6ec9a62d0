using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Features.Meetings;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Meetings;

/// <summary>coord.chen's street (平凉路街道) with its demo meetings and hard-case flags cleared, so counts are the test's own.</summary>
public sealed class MeetingScenario(TestApp app, int streetId, int policeId, int hrId)
{
    public TestApp App { get; } = app;

    public int StreetId { get; } = streetId;

    /// <summary>杨浦公安分局平凉路派出所 (police.xu's agency).</summary>
    public int PoliceId { get; } = policeId;

    /// <summary>杨浦区人力资源和社会保障局 (hr.he's agency).</summary>
    public int HrId { get; } = hrId;

    public DateOnly Today => ChinaTime.Today(App.Clock);

    public static async Task<MeetingScenario> ChensStreetAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        var chen = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        var police = await db.Users.SingleAsync(u => u.UserName == "police.xu");
        var hr = await db.Users.SingleAsync(u => u.UserName == "hr.he");
        await db.Matters.Where(m => m.IsHardCase).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsHardCase, false));
        return new MeetingScenario(app, chen.StreetId!.Value, police.PartnerAgencyId!.Value, hr.PartnerAgencyId!.Value);
    }

    /// <summary>An open matter of the street, flagged hard case by the judge.</summary>
    public async Task<int> FlagHardCaseAsync(string reason = "被执行人长期下落不明，涉多起案件")
    {
        int matterId;
        int version;
        await using (var db = await App.DbAsync())
        {
            var matter = await db.Matters.Where(m => m.StreetId == StreetId && m.Status == MatterStatus.Dispatched && !m.IsHardCase).OrderBy(m => m.Id).FirstAsync();
            (matterId, version) = (matter.Id, matter.Version);
        }

        await App.SignInAsAsync("judge.wang");
        await App.SendAsync(new FlagHardCase(matterId, version, true, reason));
        return matterId;
    }

    public async Task<int> ScheduleAsync(DateTime? startsAtLocal = null)
    {
        await App.SignInAsAsync("coord.chen");
        return await App.SendAsync(new ScheduleMeeting
        {
            StreetId = StreetId,
            Title = "平凉路街道涉执联席会议",
            StartsAtLocal = startsAtLocal ?? ChinaTime.ToLocal(App.Clock.GetUtcNow().UtcDateTime).AddDays(2),
            Place = "街道综治中心二楼会议室",
            AgencyIds = [PoliceId, HrId],
        });
    }

    public async Task<int> AddActionItemAsync(int meetingId, int? agencyId = null, string? userName = null, int dueInDays = 10)
    {
        string? userId = null;
        if (userName is not null)
        {
            await using var db = await App.DbAsync();
            userId = (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
        }

        await App.SignInAsAsync("coord.chen");
        return await App.SendAsync(new AddActionItem
        {
            MeetingId = meetingId,
            Description = "核查被执行人社保缴纳及用工单位",
            OwnerAgencyId = userId is null ? agencyId ?? HrId : null,
            OwnerUserId = userId,
            DueOn = Today.AddDays(dueInDays),
        });
    }

    public async Task<ActionItem> ActionItemAsync(int id)
    {
        await using var db = await App.DbAsync();
        return await db.ActionItems.AsNoTracking().SingleAsync(a => a.Id == id);
    }
}
