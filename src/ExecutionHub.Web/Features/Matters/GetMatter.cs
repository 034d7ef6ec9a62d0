using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Feedback;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>Everything the matter page shows a judge or a coordinator; personal data masked.</summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
[ApiScope(ApiScopes.MattersRead)]
public sealed record GetMatter(int MatterId) : IQuery<MatterView>, IMatterRequest;

public sealed record EvidenceView(int Id, int TaskId, string FileName, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAtUtc);

public sealed record TaskView(
    int Id,
    int Version,
    string HolderName,
    string Place,
    string Instructions,
    DateTime AssignedAtUtc,
    DateTime DueAtUtc,
    VerificationTaskStatus Status,
    DateTime? SubmittedAtUtc,
    string? ReviewNote,
    Finding? Finding,
    IReadOnlyList<EvidenceView> Evidence,
    string? GroupName = null,
    bool AwaitsClaim = false);

public sealed record TimelineView(DateTime AtUtc, string ActorName, string Event, string Detail, int? TaskId);

/// <summary>The matter as its page shows it.</summary>
/// <param name="IsOpen">The domain's <see cref="Matter.IsOpen"/>: still being worked on (paused or not), so pausing, cancelling, extending and reviewing apply.</param>
/// <param name="CanConsolidate">Dispatched and every task settled (accepted or waived): the coordinator may write the consolidated feedback (<see cref="Matter.Consolidate"/> also waits for a paused matter to resume).</param>
public sealed record MatterView(
    int Id,
    int Version,
    string Reference,
    MatterType Type,
    MatterSource Source,
    MatterStatus Status,
    bool IsOpen,
    bool CanConsolidate,
    string Request,
    MatterDetails Details,
    int CaseId,
    string CaseNumber,
    string Cause,
    decimal AmountOwed,
    string CourtName,
    string JudgeName,
    string StreetName,
    PartyView Target,
    DateTime ReceivedAtUtc,
    DateTime DueAtUtc,
    MatterClock Clock,
    DateTime? PausedAtUtc,
    string? PauseReason,
    int ReturnCount,
    string? Feedback,
    DateTime? FedBackAtUtc,
    DateTime? AcknowledgedAtUtc,
    string? CancelReason,
    IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<TimelineView> Timeline,
    string FeedbackDraft,
    MatterOutcome? Outcome,
    MatterOutcome? SuggestedOutcome,
    WindowOrigin? FromWindow,
    ApplicationDecision? Decision = null,
    MatterGroupView? Group = null,
    HardCaseView? HardCase = null,
    string? ClientReference = null);

/// <summary>
/// The matter's working group and, for an application, its route and the group's recommendation;
/// <see cref="SenderIsMember"/> says whether the viewer may record that recommendation, and
/// <see cref="StreetGroups"/> are the groups a coordinator can assign the matter or a task to.
/// </summary>
public sealed record MatterGroupView(
    int? GroupId,
    string? GroupName,
    ApplicationRoute? Route,
    GroupRecommendation? Recommendation,
    bool SenderIsMember,
    IReadOnlyList<GroupChoice> StreetGroups)
{
    public bool AwaitsRecommendation => Route == ApplicationRoute.HearingGroup && Recommendation is null;
}

public sealed record GroupChoice(int Id, WorkingGroupKind Kind, string Name);

/// <summary>Why and since when the matter is a hard case for the joint meeting; null when it is not one.</summary>
public sealed record HardCaseView(string Reason, DateTime FlaggedAtUtc);

/// <summary>The window visit a matter was registered from.</summary>
public sealed record WindowOrigin(int VisitId, DateTime VisitedAtUtc);

public sealed class GetMatterHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ICurrentUser currentUser) : IQueryHandler<GetMatter, MatterView>
{
    public async ValueTask<MatterView> Handle(GetMatter query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matter = await db.Matters.AsNoTracking()
            .Include(m => m.Case!).ThenInclude(c => c.Court)
            .Include(m => m.TargetParty)
            .Include(m => m.Tasks)
            .AsSplitQuery()
            .SingleAsync(m => m.Id == query.MatterId, cancellationToken);
        var judgeName = await db.Users.Where(u => u.Id == matter.Case!.JudgeId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var streetName = await db.Streets.Where(s => s.Id == matter.StreetId).Select(s => s.Name).SingleAsync(cancellationToken);
        var tasks = await TaskViews.LoadAsync(db, matter.Tasks, cancellationToken);
        var timeline = await db.Timeline.Where(t => t.MatterId == matter.Id).OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
            .Select(t => new TimelineView(t.AtUtc, t.ActorName, t.Event, t.Detail, t.TaskId))
            .ToListAsync(cancellationToken);
        var fromWindow = await db.WindowVisits.Where(v => v.MatterId == matter.Id)
            .Select(v => new WindowOrigin(v.Id, v.VisitedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        var me = await currentUser.GetAsync();
        var streetGroups = await db.WorkingGroups.Where(g => g.StreetId == matter.StreetId).OrderBy(g => g.Kind)
            .Select(g => new GroupChoice(g.Id, g.Kind, g.Name))
            .ToListAsync(cancellationToken);
        var isMember = matter.WorkingGroupId is { } groupId
            && await db.WorkingGroupMembers.AnyAsync(m => m.WorkingGroupId == groupId && m.UserId == me.Id, cancellationToken);
        var group = new MatterGroupView(
            matter.WorkingGroupId,
            streetGroups.SingleOrDefault(g => g.Id == matter.WorkingGroupId)?.Name,
            matter.Route,
            matter.Recommendation,
            isMember,
            streetGroups);

        return new MatterView(
            matter.Id,
            matter.Version,
            matter.Reference,
            matter.Type,
            matter.Source,
            matter.Status,
            matter.IsOpen,
            matter.Status == MatterStatus.Dispatched && matter.Tasks.Count > 0 && matter.Tasks.All(t => t.IsSettled),
            matter.Request,
            matter.Details,
            matter.CaseId,
            matter.Case!.CaseNumber,
            matter.Case.Cause,
            matter.Case.AmountOwed,
            matter.Case.Court!.Name,
            judgeName,
            streetName,
            PartyView.Masked(matter.TargetParty!),
            matter.ReceivedAtUtc,
            matter.DueAtUtc,
            matter.Clock(clock.GetUtcNow().UtcDateTime),
            matter.PausedAtUtc,
            matter.PauseReason,
            matter.ReturnCount,
            matter.Feedback,
            matter.FedBackAtUtc,
            matter.AcknowledgedAtUtc,
            matter.CancelReason,
            tasks,
            timeline,
            FeedbackDraft.Compose(tasks),
            matter.Outcome,
            MatterOutcomes.Suggest(matter.Type, tasks.Where(t => t.Status == VerificationTaskStatus.Accepted).Select(t => t.Finding).OfType<Finding>()),
            fromWindow,
            matter.Decision,
            group,
            matter.IsHardCase ? new HardCaseView(matter.HardCaseReason ?? "", matter.HardCaseFlaggedAtUtc!.Value) : null,
            matter.ClientReference);
    }
}

internal static class TaskViews
{
    public static async Task<IReadOnlyList<TaskView>> LoadAsync(AppDbContext db, IReadOnlyCollection<VerificationTask> tasks, CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var userIds = tasks.Where(t => t.AssigneeId != null).Select(t => t.AssigneeId!).Distinct().ToList();
        var agencyIds = tasks.Where(t => t.PartnerAgencyId != null).Select(t => t.PartnerAgencyId!.Value).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, Grid = u.Grid != null ? u.Grid.Name : null })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var agencies = await db.PartnerAgencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var groupIds = tasks.Where(t => t.WorkingGroupId != null).Select(t => t.WorkingGroupId!.Value).Distinct().ToList();
        var groups = await db.WorkingGroups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var evidence = (await db.Evidence.Where(e => ids.Contains(e.TaskId)).OrderBy(e => e.UploadedAtUtc)
                .Select(e => new EvidenceView(e.Id, e.TaskId, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedAtUtc))
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.TaskId);

        return tasks.OrderBy(t => t.AssignedAtUtc).ThenBy(t => t.Id).Select(t =>
        {
            var user = t.AssigneeId is null ? null : users.GetValueOrDefault(t.AssigneeId);
            var agency = t.PartnerAgencyId is { } id ? agencies.GetValueOrDefault(id) : null;
            var group = t.WorkingGroupId is { } groupId ? groups.GetValueOrDefault(groupId) : null;
            return new TaskView(
                t.Id, t.Version,
                user?.DisplayName ?? agency ?? group ?? "",
                user?.Grid ?? (user is null ? "" : agency ?? ""),
                t.Instructions, t.AssignedAtUtc, t.DueAtUtc, t.Status, t.SubmittedAtUtc, t.ReviewNote, t.Finding,
                evidence[t.Id].ToList(),
                group,
                t.AwaitsClaim);
        }).ToList();
    }
}
