using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Tasks;

/// <summary>One verification task to send: to a grid worker, a partner agency or one of the street's working groups, due inside the matter's window.</summary>
public sealed class TaskAssignment
{
    public string? AssigneeId { get; set; }
    public int? PartnerAgencyId { get; set; }

    /// <summary>A working group of the matter's street: any member claims the task.</summary>
    public int? WorkingGroupId { get; set; }
    public string Instructions { get; set; } = "";
    [PlannedDate]
    public DateTime DueAtUtc { get; set; }
}

/// <summary>The coordinator splits a matter into verification tasks (one or more) and sends them out.</summary>
[Allowed(Roles.Coordinator)]
public sealed record DispatchMatter(int MatterId, int Version, IReadOnlyList<TaskAssignment> Tasks) : ICommand<int>, IMatterRequest;

public sealed class DispatchMatterValidator : AbstractValidator<DispatchMatter>
{
    public DispatchMatterValidator()
    {
        RuleFor(x => x.Tasks).NotEmpty();
        RuleForEach(x => x.Tasks).ChildRules(task =>
        {
            task.RuleFor(t => t).Must(t => (t.AssigneeId is not null ? 1 : 0) + (t.PartnerAgencyId is not null ? 1 : 0) + (t.WorkingGroupId is not null ? 1 : 0) == 1)
                .WithName(_ => UiText.Get("Field.Assignee")).WithMessage(_ => UiText.Get("Validation.OneAssignee"));
            task.RuleFor(t => t.Instructions).MaximumLength(2000);
            task.RuleFor(t => t.AssigneeId).MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Field.Assignee"));
            task.RuleFor(t => t.DueAtUtc).Must(d => d.Kind == DateTimeKind.Utc);
        });
    }
}

public sealed class DispatchMatterHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DispatchMatter, int>
{
    public async ValueTask<int> Handle(DispatchMatter command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matter = await MatterChanges.LoadAsync(db, command.MatterId, command.Version, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var assignees = await Dispatching.ResolveAsync(db, matter.StreetId, matter.CourtId, command.Tasks, cancellationToken);

        foreach (var (assignment, holder) in command.Tasks.Zip(assignees))
        {
            matter.Dispatch(Dispatching.NewTask(matter, assignment, holder, me.Id, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (task, holder) in matter.Tasks.TakeLast(command.Tasks.Count).Zip(assignees))
        {
            db.AddTimeline(matter, me, now, "Timeline.TaskDispatched", holder.Name, task.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return matter.Version;
    }
}

/// <summary>Rules shared by single and bulk dispatch: who can hold a task of a street, and the task's deadline.</summary>
internal static class Dispatching
{
    public sealed record Holder(string? UserId, int? GridId, int? AgencyId, string Name, int? GroupId = null);

    public static async Task<IReadOnlyList<Holder>> ResolveAsync(AppDbContext db, int streetId, int courtId, IEnumerable<TaskAssignment> tasks, CancellationToken cancellationToken)
    {
        var holders = new List<Holder>();
        foreach (var task in tasks)
        {
            if (task.AssigneeId is { } userId)
            {
                // A grid worker of one of the street's grids, or a partner agent of one of the court's agencies.
                var user = await db.Users.Where(u => u.Id == userId && !u.IsDisabled)
                    .Select(u => new { u.Id, u.DisplayName, u.GridId, GridStreet = (int?)u.Grid!.Community!.StreetId, u.PartnerAgencyId, AgencyCourt = (int?)u.PartnerAgency!.CourtId })
                    .SingleOrDefaultAsync(cancellationToken);
                var fits = user is not null && ((user.GridId is not null && user.GridStreet == streetId) || (user.PartnerAgencyId is not null && user.AgencyCourt == courtId));
                holders.Add(fits ? new Holder(user!.Id, user.GridId, user.PartnerAgencyId, user.DisplayName) : throw new DomainRuleException("Rule.Task.AssigneeNotInStreet"));
            }
            else if (task.WorkingGroupId is { } groupId)
            {
                var group = await Groups.GroupMembership.OfStreetAsync(db, groupId, streetId, cancellationToken);
                holders.Add(new Holder(null, null, null, group.Name, group.Id));
            }
            else
            {
                var agency = await db.PartnerAgencies.SingleOrDefaultAsync(a => a.Id == task.PartnerAgencyId && a.CourtId == courtId, cancellationToken)
                    ?? throw new DomainRuleException("Rule.Task.AssigneeNotInStreet");
                holders.Add(new Holder(null, null, agency.Id, agency.Name));
            }
        }

        return holders;
    }

    /// <summary>A task for <paramref name="holder"/>, sent by <paramref name="assignedById"/>; <see cref="Matter.Dispatch"/> sends it out.</summary>
    public static VerificationTask NewTask(Matter matter, TaskAssignment assignment, Holder holder, string assignedById, DateTime now)
    {
        if (assignment.DueAtUtc <= now || assignment.DueAtUtc > matter.DueAtUtc)
        {
            throw new DomainRuleException("Rule.Task.DueOutsideWindow");
        }

        return new VerificationTask
        {
            AssigneeId = holder.UserId,
            GridId = holder.GridId,
            PartnerAgencyId = holder.AgencyId,
            WorkingGroupId = holder.GroupId,
            AssignedById = assignedById,
            Instructions = assignment.Instructions.Trim(),
            AssignedAtUtc = now,
            DueAtUtc = assignment.DueAtUtc,
        };
    }

    /// <summary>The policy's task sub-deadline (48 hours by default), but never past the matter's own due time.</summary>
    public static DateTime DefaultDue(Matter matter, DateTime now, DeadlinePolicy policy) =>
        new[] { now.AddHours(policy.TaskSubDeadlineHours), matter.DueAtUtc }.Min();
}
