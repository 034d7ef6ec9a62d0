using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Feedback;
using ExecutionHub.Web.Features.Matters.Findings;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters;

/// <summary>Walks one demo matter of 平凉路街道 through the workflow, as the real demo users.</summary>
public sealed class WorkflowScenario(TestApp app)
{
    public TestApp App { get; } = app;

    public int MatterId { get; private set; }

    public int TaskId { get; private set; }

    public static async Task<WorkflowScenario> ReferAsync(TestApp app, MatterType type = MatterType.DebtorWhereabouts, MatterDetails? details = null)
    {
        var scenario = new WorkflowScenario(app);
        await using var db = await app.DbAsync();
        var pingliang = await db.Streets.SingleAsync(s => s.Name == "平凉路街道");
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
        var @case = await db.Cases.Include(c => c.Parties)
            .FirstAsync(c => c.StreetId == pingliang.Id && c.JudgeId == judge.Id && c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person));
        await app.SignInAsAsync("judge.wang");
        scenario.MatterId = await app.SendAsync(new RegisterMatter
        {
            Source = MatterSource.CourtExOfficio,
            Type = type,
            CaseNumber = @case.CaseNumber,
            TargetPartyId = @case.Parties.First(p => p.Role == PartyRole.Respondent).Id,
            Request = "请核实被执行人现住址及作息规律。",
            // The whereabouts' address only where the type asks for it: a detail of another type is refused.
            Details = details ?? (type == MatterType.DebtorWhereabouts ? new MatterDetails { LastKnownAddresses = "上海市杨浦区平凉路100弄1号" } : new MatterDetails()),
        });
        return scenario;
    }

    public async Task<Matter> MatterAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Matters.Include(m => m.Tasks).AsNoTracking().SingleAsync(m => m.Id == MatterId);
    }

    public async Task<int> VersionAsync() => (await MatterAsync()).Version;

    public async Task<int> TaskVersionAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Tasks.Where(t => t.Id == TaskId).Select(t => t.Version).SingleAsync();
    }

    public async Task<IReadOnlyList<string>> TimelineAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Timeline.Where(t => t.MatterId == MatterId).OrderBy(t => t.Id).Select(t => t.Event).ToListAsync();
    }

    public async Task<UserContext> AsAsync(string userName) => await App.SignInAsAsync(userName);

    public async Task AcceptAsync()
    {
        await AsAsync("coord.chen");
        await App.SendAsync(new AcceptReferral(MatterId, await VersionAsync()));
    }

    public async Task DispatchToAsync(string workerUserName, TimeSpan? due = null)
    {
        var worker = await AsAsync(workerUserName);
        await AsAsync("coord.chen");
        var options = await App.SendAsync(new GetDispatchOptions(MatterId));
        var dueAt = due is null ? options.DefaultDueAtUtc : App.Clock.GetUtcNow().UtcDateTime + due.Value;
        await App.SendAsync(new DispatchMatter(MatterId, options.Version, [new TaskAssignment { AssigneeId = worker.Id, DueAtUtc = dueAt, Instructions = "请早上走访" }]));
        TaskId = (await MatterAsync()).Tasks.OrderBy(t => t.Id).Last().Id;
    }

    public async Task SubmitFindingAsync(string workerUserName = "grid.liu")
    {
        await AsAsync(workerUserName);
        await App.SendAsync(new SubmitFinding
        {
            TaskId = TaskId,
            Version = await TaskVersionAsync(),
            MatterType = MatterType.DebtorWhereabouts,
            Finding = new Finding
            {
                VisitedAtUtc = App.Clock.GetUtcNow().UtcDateTime.AddHours(-1),
                PersonFound = true,
                CurrentAddress = "上海市杨浦区河间路200弄3号201室",
                DailyRoutine = "每天早上7点前在家，晚上9点后回家",
                Notes = "邻居证实其近三个月居住于此。",
            },
        });
    }

    public async Task AcceptFindingAsync()
    {
        await AsAsync("coord.chen");
        await App.SendAsync(new ReviewFinding(TaskId, await TaskVersionAsync(), Accept: true));
    }

    public async Task FeedBackAsync()
    {
        await AsAsync("coord.chen");
        var view = await App.SendAsync(new GetMatter(MatterId));
        await App.SendAsync(new FeedBackMatter(MatterId, view.Version, view.FeedbackDraft, view.SuggestedOutcome ?? MatterOutcomes.AllowedFor(view.Type).Cast<MatterOutcome?>().FirstOrDefault()));
    }

    /// <summary>Every line a matter's timeline gets from referral to closure, in order.</summary>
    public static readonly IReadOnlyList<string> RoundTripTimeline =
    [
        "Timeline.MatterReceived", "Timeline.MatterRegistered", "Timeline.TaskDispatched", "Timeline.FindingSubmitted", "Timeline.FindingAccepted",
        "Timeline.MatterFedBack", "Timeline.FeedbackAcknowledged", "Timeline.MatterClosed",
    ];

    /// <summary>Through feedback, then the judge acknowledges it and closes the matter.</summary>
    public async Task ThroughClosureAsync()
    {
        await ThroughFeedbackAsync();
        await AsAsync("judge.wang");
        await App.SendAsync(new AcknowledgeFeedback(MatterId, await VersionAsync()));
        await App.SendAsync(new CloseMatter(MatterId, await VersionAsync()));
    }

    public async Task ThroughFeedbackAsync()
    {
        await AcceptAsync();
        await DispatchToAsync("grid.liu");
        await SubmitFindingAsync();
        await AcceptFindingAsync();
        await FeedBackAsync();
    }
}
