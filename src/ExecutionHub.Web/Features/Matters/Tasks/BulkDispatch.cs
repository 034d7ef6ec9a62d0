using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Tasks;

/// <summary>
/// The coordinator sends several matters of their street to one worker at once, each as one task
/// with the default sub-deadline. All or nothing: if one matter cannot be dispatched, none is.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record BulkDispatch(IReadOnlyList<int> MatterIds, [property: FieldLabel("Dispatch.Worker")] string AssigneeId, [property: FieldLabel("Dispatch.Instructions")] string Instructions) : ICommand<int>;

public sealed class BulkDispatchValidator : AbstractValidator<BulkDispatch>
{
    public BulkDispatchValidator()
    {
        RuleFor(x => x.MatterIds).NotEmpty().Must(ids => ids.Count <= 100);
        RuleFor(x => x.AssigneeId).NotEmpty().MaximumLength(TextLimits.UserId);
        RuleFor(x => x.Instructions).MaximumLength(2000);
    }
}

public sealed class BulkDispatchHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<BulkDispatch, int>
{
    public async ValueTask<int> Handle(BulkDispatch command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matters = await db.Matters.Include(m => m.Tasks).Where(m => command.MatterIds.Contains(m.Id)).ToListAsync(cancellationToken);
        if (matters.Count != command.MatterIds.Distinct().Count() || matters.Any(m => m.StreetId != me.StreetId))
        {
            // Matters of other streets are reported as missing, not as someone else's.
            throw new NotFoundException("Matter");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<(Matter Matter, VerificationTask Task, string Name)>();
        foreach (var matter in matters)
        {
            var (policy, _) = await Deadlines.DeadlineRules.ForAsync(db, matter.Type, cancellationToken);
            var assignment = new TaskAssignment { AssigneeId = command.AssigneeId, Instructions = command.Instructions, DueAtUtc = Dispatching.DefaultDue(matter, now, policy) };
            var holder = (await Dispatching.ResolveAsync(db, matter.StreetId, matter.CourtId, [assignment], cancellationToken))[0];
            var task = Dispatching.NewTask(matter, assignment, holder, me.Id, now);
            matter.Dispatch(task, now);
            added.Add((matter, task, holder.Name));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (matter, task, name) in added)
        {
            db.AddTimeline(matter, me, now, "Timeline.TaskDispatched", name, task.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added.Count;
    }
}
