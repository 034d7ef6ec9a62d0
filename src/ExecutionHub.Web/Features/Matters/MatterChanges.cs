using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>
/// The one way a use case changes a matter: load it with its tasks, check the caller saw the
/// current version, apply the domain change, write the timeline line, save. A domain refusal
/// or a stale version leaves the database untouched.
/// </summary>
public sealed class MatterChanges(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <param name="alsoInUnitOfWork">What else is saved in the same transaction as the change (an outbox event, say).</param>
    public async Task<int> ApplyAsync(
        int matterId,
        int expectedVersion,
        string timelineEvent,
        Func<Matter, DateTime, string> change,
        CancellationToken cancellationToken,
        Func<AppDbContext, Matter, DateTime, Task>? alsoInUnitOfWork = null)
    {
        var actor = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matter = await LoadAsync(db, matterId, expectedVersion, cancellationToken);
        var now = Now;
        var detail = change(matter, now);
        db.AddTimeline(matter, actor, now, timelineEvent, detail);
        if (alsoInUnitOfWork is not null)
        {
            await alsoInUnitOfWork(db, matter, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return matter.Version;
    }

    /// <summary>Loads a matter with its tasks and refuses it if the caller's copy is stale.</summary>
    public static async Task<Matter> LoadAsync(AppDbContext db, int matterId, int expectedVersion, CancellationToken cancellationToken)
    {
        var matter = await db.Matters.Include(m => m.Tasks).SingleOrDefaultAsync(m => m.Id == matterId, cancellationToken)
            ?? throw new NotFoundException($"Matter {matterId}");
        if (matter.Version != expectedVersion)
        {
            throw new DbUpdateConcurrencyException($"Matter {matterId} is at version {matter.Version}, the caller saw {expectedVersion}");
        }

        return matter;
    }
}

public static class MatterTimeline
{
    public static void AddTimeline(this AppDbContext db, Matter matter, UserContext actor, DateTime now, string timelineEvent, string detail = "", int? taskId = null) =>
        db.Timeline.Add(Line(matter, actor, now, timelineEvent, detail, taskId));

    /// <summary>The line <see cref="AddTimeline"/> adds, for a writer that saves it another way (a ledger import's bulk insert).</summary>
    public static TimelineEntry Line(Matter matter, UserContext actor, DateTime now, string timelineEvent, string detail = "", int? taskId = null) =>
        new()
        {
            CaseId = matter.CaseId,
            MatterId = matter.Id == 0 ? null : matter.Id,
            TaskId = taskId,
            AtUtc = now,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Event = timelineEvent,
            Detail = detail,
        };
}
