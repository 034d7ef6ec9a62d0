using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Tasks;

/// <summary>The signed-in grid worker's (or agent's) tasks: open ones first, soonest due first.</summary>
[Allowed(Roles.GridWorker, Roles.PartnerAgent)]
public sealed record ListMyTasks(bool IncludeFinished = false) : IQuery<IReadOnlyList<MyTaskRow>>;

/// <param name="PauseReason">Why the matter's clock is stopped; null while it runs (its open tasks wait until it resumes).</param>
public sealed record MyTaskRow(int TaskId, string Reference, MatterType Type, AssetClueKind? ClueKind, VerificationTaskStatus Status, string TargetName, string? Address, DateTime DueAtUtc, string? ReviewNote,
    int MatterId, string? PauseReason)
{
    public bool MatterPaused => PauseReason is not null;
}

public sealed class ListMyTasksHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<ListMyTasks, IReadOnlyList<MyTaskRow>>
{
    public async ValueTask<IReadOnlyList<MyTaskRow>> Handle(ListMyTasks query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.Where(t => t.AssigneeId == me.Id || (me.AgencyId != null && t.AssigneeId == null && t.PartnerAgencyId == me.AgencyId));
        if (!query.IncludeFinished)
        {
            tasks = tasks.Where(t => t.Status == VerificationTaskStatus.Assigned || t.Status == VerificationTaskStatus.Returned || t.Status == VerificationTaskStatus.Submitted);
        }

        var rows = await tasks
            .OrderBy(t => t.Status == VerificationTaskStatus.Submitted).ThenBy(t => t.DueAtUtc)
            .Take(200)
            .Select(t => new
            {
                t.Id,
                t.MatterId,
                t.Matter!.Reference,
                t.Matter.Type,
                t.Matter.Details.ClueKind,
                t.Status,
                t.Matter.TargetParty!.Name,
                t.Matter.TargetParty.Addresses,
                t.DueAtUtc,
                t.ReviewNote,
                Paused = t.Matter.PausedAtUtc != null,
                t.Matter.PauseReason,
            })
            .ToListAsync(cancellationToken);

        // The worker needs the target's name and last known address to go and look; nothing more.
        return rows.Select(r => new MyTaskRow(r.Id, r.Reference, r.Type, r.ClueKind, r.Status, r.Name, r.Addresses.FirstOrDefault(), r.DueAtUtc, r.ReviewNote,
            r.MatterId, r.Paused ? r.PauseReason ?? "" : null)).ToList();
    }
}
