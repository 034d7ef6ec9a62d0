using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Organisation;
using ExecutionHub.Web.Features.Groups;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Registration;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Groups;

/// <summary>
/// 平凉路街道's working groups with known members, set by its coordinator: the hearing-and-relief
/// group is grid.liu alone (coord.chen is deliberately not a member), the investigation group is
/// grid.liu and a second grid worker of the street. grid.sun, also of the street, is in neither.
/// </summary>
public sealed class GroupScenario
{
    private GroupScenario(TestApp app) => App = app;

    public TestApp App { get; }

    public int Pingliang { get; private set; }

    public int HearingGroup { get; private set; }

    public int InvestigationGroup { get; private set; }

    /// <summary>A group of the other street (定海路街道).</summary>
    public int OtherStreetGroup { get; private set; }

    /// <summary>The second investigation member's user name.</summary>
    public string SecondMember { get; private set; } = "";

    public static async Task<GroupScenario> CreateAsync(TestApp app)
    {
        var scenario = new GroupScenario(app);
        string liu, second;
        await using (var db = await app.DbAsync())
        {
            scenario.Pingliang = await db.Streets.Where(s => s.Name == "平凉路街道").Select(s => s.Id).SingleAsync();
            var groups = await db.WorkingGroups.Where(g => g.StreetId == scenario.Pingliang).ToDictionaryAsync(g => g.Kind, g => g.Id);
            scenario.HearingGroup = groups[WorkingGroupKind.HearingAndRelief];
            scenario.InvestigationGroup = groups[WorkingGroupKind.ExecutionInvestigation];
            scenario.OtherStreetGroup = await db.WorkingGroups.Where(g => g.StreetId != scenario.Pingliang).Select(g => g.Id).FirstAsync();
            liu = await db.Users.Where(u => u.UserName == "grid.liu").Select(u => u.Id).SingleAsync();
            var other = await db.Users
                .Where(u => u.GridId != null && u.Grid!.Community!.StreetId == scenario.Pingliang && u.UserName != "grid.liu" && u.UserName != "grid.sun")
                .OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName }).FirstAsync();
            second = other.Id;
            scenario.SecondMember = other.UserName!;
        }

        await app.SignInAsAsync("coord.chen");
        await app.SendAsync(new SetWorkingGroupMembers(scenario.HearingGroup, [liu]));
        await app.SendAsync(new SetWorkingGroupMembers(scenario.InvestigationGroup, [liu, second]));
        return scenario;
    }

    /// <summary>
    /// A judicial relief application registered by coord.chen at the workstation, routed as given, on a case with no
    /// open application yet (a second one for the same respondent would need AllowDuplicate).
    /// </summary>
    public async Task<int> ReliefApplicationAsync(ApplicationRoute? route)
    {
        await using var db = await App.DbAsync();
        var @case = await db.Cases.Include(c => c.Parties).AsNoTracking().OrderBy(c => c.Id)
            .Where(c => !db.Matters.Any(m => m.CaseId == c.Id && m.Type == MatterType.JudicialRelief && m.Status <= MatterStatus.Consolidated))
            .FirstAsync(c => c.StreetId == Pingliang && c.Parties.Any(p => p.Role == PartyRole.Respondent));
        await App.SignInAsAsync("coord.chen");
        return await App.SendAsync(new RegisterMatter
        {
            Source = MatterSource.PartyApplication,
            Type = MatterType.JudicialRelief,
            CaseNumber = @case.CaseNumber,
            TargetPartyId = @case.Parties.First(p => p.Role == PartyRole.Respondent).Id,
            Request = "申请人因病生活困难，申请司法救助。",
            Details = new MatterDetails { ApplicantHardship = "申请人因病丧失劳动能力，家庭无其他收入。", AmountRequested = 20_000m },
            Route = route,
        });
    }

    /// <summary>A whereabouts matter accepted by coord.chen and dispatched to grid.sun, whose task is then sent to the investigation group.</summary>
    public async Task<WorkflowScenario> GroupTaskAsync()
    {
        var workflow = await WorkflowScenario.ReferAsync(App);
        await workflow.AcceptAsync();
        await workflow.DispatchToAsync("grid.sun");
        await App.SignInAsAsync("coord.chen");
        await App.SendAsync(new AssignTaskToGroup(workflow.TaskId, await workflow.TaskVersionAsync(), InvestigationGroup));
        return workflow;
    }

    public async Task<Matter> MatterAsync(int matterId)
    {
        await using var db = await App.DbAsync();
        return await db.Matters.Include(m => m.Tasks).AsNoTracking().SingleAsync(m => m.Id == matterId);
    }

    public async Task<IReadOnlyList<string>> TimelineAsync(int matterId)
    {
        await using var db = await App.DbAsync();
        return await db.Timeline.Where(t => t.MatterId == matterId).OrderBy(t => t.Id).Select(t => t.Event).ToListAsync();
    }
}
