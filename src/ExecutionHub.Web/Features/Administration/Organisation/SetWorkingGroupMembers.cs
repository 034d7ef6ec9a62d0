using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Organisation;

/// <summary>
/// Replaces the members of one working group with people of its street (coordinators, street
/// officers, grid workers of its grids). A street's coordinator may do this for their own street.
/// </summary>
[Allowed(Roles.Administrator, Roles.Coordinator)]
public sealed record SetWorkingGroupMembers(int WorkingGroupId, IReadOnlyList<string> UserIds) : ICommand, IScopedRequest
{
    public ValueTask<OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        OrgScopes.OfWorkingGroupAsync(services, WorkingGroupId, cancellationToken);
}

public sealed class SetWorkingGroupMembersValidator : AbstractValidator<SetWorkingGroupMembers>
{
    public SetWorkingGroupMembersValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleForEach(x => x.UserIds).MaximumLength(TextLimits.UserId).WithName(_ => localizer["Admin.Org.Field.Members"]);
        RuleFor(x => x.UserIds).Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(ids => ids.Count <= TextLimits.UserIdCount).WithName(_ => localizer["Admin.Org.Field.Members"])
            .MustAsync(async (command, userIds, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var streetId = await db.WorkingGroups.Where(g => g.Id == command.WorkingGroupId).Select(g => (int?)g.StreetId).SingleOrDefaultAsync(ct);
                if (streetId is null)
                {
                    return true;
                }

                var wanted = userIds.Distinct().ToList();
                var ofStreet = await StreetStaff.Of(db, streetId.Value).CountAsync(u => wanted.Contains(u.Id), ct);
                return ofStreet == wanted.Count;
            })
            .WithMessage(_ => localizer["Admin.Org.MembersNotOfStreet"])
            .WithErrorCode("Admin.Org.MembersNotOfStreet")
            .WithName(_ => localizer["Admin.Org.Field.Members"]);
    }
}

public sealed class SetWorkingGroupMembersHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetWorkingGroupMembers>
{
    public async ValueTask<Unit> Handle(SetWorkingGroupMembers command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.WorkingGroups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == command.WorkingGroupId, cancellationToken)
            ?? throw new NotFoundException($"Working group {command.WorkingGroupId}");

        var wanted = command.UserIds.Distinct().ToHashSet();
        var current = group.Members.Select(m => m.UserId).ToHashSet();
        var added = wanted.Except(current).ToList();
        var removed = current.Except(wanted).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return Unit.Value;
        }

        group.Members.RemoveAll(m => removed.Contains(m.UserId));
        group.Members.AddRange(added.Select(id => new WorkingGroupMember { WorkingGroupId = group.Id, UserId = id }));

        var changed = added.Concat(removed).ToList();
        var names = await db.Users.Where(u => changed.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string List(IEnumerable<string> ids) => string.Join("、", ids.Select(id => names.GetValueOrDefault(id, id)).Order(StringComparer.Ordinal));
        var detail = $"+[{List(added)}] -[{List(removed)}]";
        db.AddAudit(me, clock, "Org.WorkingGroupMembersSet", $"WorkingGroup #{group.Id} {group.Name}", detail);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
