using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Meetings;

/// <summary>
/// The coordinator gives a meeting's action item to a partner agency or a person, due on a day;
/// the deadline sweep watches it from then on (due soon three days before, overdue after the day).
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed class AddActionItem : ICommand<int>, IMeetingRequest
{
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    [FieldLabel("ActionItem.Description")]
    public string Description { get; set; } = "";
    public int? OwnerAgencyId { get; set; }
    public string? OwnerUserId { get; set; }
    [PlannedDate]
    [FieldLabel("ActionItem.DueOn")]
    public DateOnly? DueOn { get; set; }
}

public sealed class AddActionItemValidator : AbstractValidator<AddActionItem>
{
    public AddActionItemValidator(TimeProvider clock)
    {
        RuleFor(x => x.Description).NotEmpty().WithMessage(_ => UiText.Get("ActionItem.DescriptionRequired")).MaximumLength(ActionItem.MaxDescriptionLength);
        RuleFor(x => x.OwnerUserId).MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("ActionItem.Owner"));
        RuleFor(x => x).Must(x => (x.OwnerAgencyId is not null) ^ !string.IsNullOrEmpty(x.OwnerUserId))
            .WithName("Owner").WithMessage(_ => UiText.Get("ActionItem.OneOwner"));
        RuleFor(x => x.DueOn).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => UiText.Get("ActionItem.DueRequired"))
            .Must(d => d >= ChinaTime.Today(clock)).WithMessage(_ => UiText.Get("ActionItem.DueInPast"));
    }
}

public sealed class AddActionItemHandler(IDbContextFactory<AppDbContext> dbFactory) : ICommandHandler<AddActionItem, int>
{
    public async ValueTask<int> Handle(AddActionItem command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Id == command.MeetingId, cancellationToken);
        var street = await db.Streets.SingleAsync(s => s.Id == meeting.StreetId, cancellationToken);
        if (command.OwnerAgencyId is { } agency && !await db.PartnerAgencies.AnyAsync(a => a.Id == agency && a.CourtId == meeting.CourtId, cancellationToken))
        {
            throw new DomainRuleException("Rule.Meeting.AgencyNotOfCourt");
        }

        if (command.OwnerUserId is { Length: > 0 } person && !await MeetingPeople.Of(db, street).AnyAsync(u => u.Id == person, cancellationToken))
        {
            throw new DomainRuleException("Rule.Meeting.PersonNotInvitable");
        }

        if (command.AgendaItemId is { } agendaItem && meeting.AgendaItems.All(a => a.Id != agendaItem))
        {
            throw new NotFoundException($"Agenda item {agendaItem}");
        }

        var item = new ActionItem
        {
            MeetingId = meeting.Id,
            StreetId = meeting.StreetId,
            AgendaItemId = command.AgendaItemId,
            Description = command.Description.Trim(),
            OwnerAgencyId = command.OwnerAgencyId,
            OwnerUserId = string.IsNullOrEmpty(command.OwnerUserId) ? null : command.OwnerUserId,
        };
        item.SetDue(command.DueOn!.Value);
        db.ActionItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }
}

/// <summary>
/// The owner (an agent of the owning agency, or the person named) or a coordinator of the street
/// marks an action item done, with a note of what was done. Once only; the sweep stops watching it.
/// </summary>
[Allowed(Roles.Coordinator, Roles.PartnerAgent, Roles.Judge, Roles.GridWorker)]
public sealed record CompleteActionItem(int ActionItemId, int Version, string Note) : ICommand<int>, IActionItemRequest;

public sealed class CompleteActionItemValidator : AbstractValidator<CompleteActionItem>
{
    public CompleteActionItemValidator()
    {
        RuleFor(x => x.Note).NotEmpty().WithMessage(_ => UiText.Get("ActionItem.NoteRequired")).MaximumLength(ActionItem.MaxNoteLength);
    }
}

public sealed class CompleteActionItemHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CompleteActionItem, int>
{
    public async ValueTask<int> Handle(CompleteActionItem command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ActionItems.SingleAsync(a => a.Id == command.ActionItemId, cancellationToken);

        // A judge's court covers every item of its streets; only the one given to the judge is theirs to close.
        var coordinator = me.IsInRole(Roles.Coordinator) && me.StreetId == item.StreetId;
        var owner = item.OwnerUserId == me.Id || (item.OwnerAgencyId is { } agency && me.IsInRole(Roles.PartnerAgent) && me.AgencyId == agency);
        if (!coordinator && !owner && !me.IsInRole(Roles.Administrator))
        {
            throw RequestRefusedException.NotAllowed(typeof(CompleteActionItem));
        }

        if (item.IsDone)
        {
            throw new DomainRuleException("Rule.ActionItem.AlreadyDone", $"action item {item.Id}");
        }

        if (item.Version != command.Version)
        {
            throw new DbUpdateConcurrencyException($"Action item {item.Id} is at version {item.Version}, the caller saw {command.Version}");
        }

        item.Complete(command.Note, me.Id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return item.Version;
    }
}

/// <summary>The coordinator deletes an action item given by mistake (after a confirmation), as long as no reminder has gone out about it.</summary>
[Allowed(Roles.Coordinator)]
public sealed record DeleteActionItem(int ActionItemId) : ICommand<bool>, IActionItemRequest;

public sealed class DeleteActionItemHandler(IDbContextFactory<AppDbContext> dbFactory) : ICommandHandler<DeleteActionItem, bool>
{
    public async ValueTask<bool> Handle(DeleteActionItem command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ActionItems.SingleAsync(a => a.Id == command.ActionItemId, cancellationToken);
        if (await db.Alerts.AnyAsync(a => a.ActionItemId == item.Id, cancellationToken))
        {
            throw new DomainRuleException("Rule.ActionItem.HasAlerts");
        }

        db.ActionItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
