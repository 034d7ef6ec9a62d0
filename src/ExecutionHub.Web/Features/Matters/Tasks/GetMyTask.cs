using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Tasks;

/// <summary>
/// One task as its holder sees it: what the court asks, the target's name and addresses (needed
/// to find them), the phone masked, no ID number, and the finding so far. A member of a working
/// group sees the group's unclaimed task the same way, to decide whether to take it.
/// </summary>
[Allowed(Roles.GridWorker, Roles.PartnerAgent)]
public sealed record GetMyTask(int TaskId) : IQuery<MyTaskView>, ITaskRequest;

public sealed record MyTaskView(
    int TaskId,
    int Version,
    string Reference,
    MatterType Type,
    MatterDetails Details,
    string Request,
    string Instructions,
    PartyKind TargetKind,
    string TargetName,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> PhonesMasked,
    VerificationTaskStatus Status,
    DateTime DueAtUtc,
    bool MatterPaused,
    string? ReviewNote,
    Finding? Finding,
    IReadOnlyList<EvidenceView> Evidence,
    bool AwaitsClaim = false,
    int MatterId = 0,
    string? PauseReason = null);

public sealed class GetMyTaskHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetMyTask, MyTaskView>
{
    public async ValueTask<MyTaskView> Handle(GetMyTask query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking()
            .Include(t => t.Matter!).ThenInclude(m => m.TargetParty)
            .SingleAsync(t => t.Id == query.TaskId, cancellationToken);
        var matter = task.Matter!;
        var target = matter.TargetParty!;
        var evidence = await db.Evidence.Where(e => e.TaskId == task.Id).OrderBy(e => e.UploadedAtUtc)
            .Select(e => new EvidenceView(e.Id, e.TaskId, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedAtUtc))
            .ToListAsync(cancellationToken);
        return new MyTaskView(
            task.Id, task.Version, matter.Reference, matter.Type, matter.Details, matter.Request, task.Instructions,
            target.Kind, target.Name, target.Addresses, target.Phones.Select(PersonalData.MaskPhone).ToList(),
            task.Status, task.DueAtUtc, matter.IsPaused, task.ReviewNote, task.Finding, evidence, task.AwaitsClaim, matter.Id, matter.PauseReason);
    }
}
