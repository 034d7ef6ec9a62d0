using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Tasks;

/// <summary>The one way a use case changes a verification task: like <see cref="MatterChanges"/>, for one task of a matter.</summary>
public sealed class TaskChanges(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<int> ApplyAsync(int taskId, int expectedVersion, string timelineEvent, Func<VerificationTask, DateTime, string> change, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await LoadAsync(db, taskId, expectedVersion, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var detail = change(task, now);
        db.AddTimeline(task.Matter!, actor, now, timelineEvent, detail, task.Id);
        await db.SaveChangesAsync(cancellationToken);
        return task.Version;
    }

    /// <summary>Loads a task with its matter and refuses it if the caller's copy is stale.</summary>
    public static async Task<VerificationTask> LoadAsync(AppDbContext db, int taskId, int expectedVersion, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.Include(t => t.Matter).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new NotFoundException($"Task {taskId}");
        if (task.Version != expectedVersion)
        {
            throw new DbUpdateConcurrencyException($"Task {taskId} is at version {task.Version}, the caller saw {expectedVersion}");
        }

        return task;
    }
}
