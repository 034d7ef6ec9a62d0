using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Evidence;

/// <summary>
/// The uploader takes back a file they attached by mistake, while the task is still open for
/// findings; once a finding is submitted its evidence stays as it was reviewed.
/// </summary>
[Allowed(Roles.GridWorker, Roles.PartnerAgent)]
public sealed record DeleteEvidence(int TaskId, int EvidenceId) : ICommand, ITaskRequest;

public sealed class DeleteEvidenceHandler(
    IDbContextFactory<AppDbContext> dbFactory,
    IEvidenceStore store,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<DeleteEvidenceHandler> logger) : ICommandHandler<DeleteEvidence>
{
    public async ValueTask<Unit> Handle(DeleteEvidence command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == command.EvidenceId && e.TaskId == command.TaskId, cancellationToken)
            ?? throw new NotFoundException($"Evidence {command.EvidenceId} of task {command.TaskId}");
        if (evidence.UploadedById != me.Id)
        {
            throw new RequestRefusedException("Rule.Evidence.OnlyUploaderDeletes");
        }

        var task = await db.Tasks.Include(t => t.Matter).SingleAsync(t => t.Id == evidence.TaskId, cancellationToken);
        if (!task.IsOpenForFindings)
        {
            throw new DomainRuleException("Rule.Evidence.TaskNotOpen");
        }

        db.Evidence.Remove(evidence);
        db.AddTimeline(task.Matter!, me, clock.GetUtcNow().UtcDateTime, "Timeline.EvidenceDeleted", evidence.FileName, task.Id);
        await db.SaveChangesAsync(cancellationToken);

        // The row is gone, so the file is unreachable either way; a failed delete only leaves an orphan to log.
        try
        {
            await store.DeleteAsync(evidence.StorageKey, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Evidence file {Key} is orphaned: its row was deleted but the file could not be", evidence.StorageKey);
        }

        return Unit.Value;
    }
}
