using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Meetings;

/// <summary>The coordinator adds an item to a meeting's agenda: a topic of their own, a hard-case matter or an open risk warning of the street.</summary>
[Allowed(Roles.Coordinator)]
public sealed record AddAgendaItem(int MeetingId, [property: FieldLabel("Meeting.NewTopic")] string Title, int? MatterId = null, [property: FieldLabel("Meeting.AddWarning")] long? RiskWarningId = null) : ICommand<int>, IMeetingRequest;

public sealed class AddAgendaItemValidator : AbstractValidator<AddAgendaItem>
{
    public AddAgendaItemValidator()
    {
        RuleFor(x => x.Title).NotEmpty().When(x => x.MatterId is null && x.RiskWarningId is null).MaximumLength(AgendaItem.MaxTitleLength);
        RuleFor(x => x.RiskWarningId).Null().When(x => x.MatterId is not null);
    }
}

public sealed class AddAgendaItemHandler(IDbContextFactory<AppDbContext> dbFactory, Infrastructure.Auth.ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<AddAgendaItem, int>
{
    public async ValueTask<int> Handle(AddAgendaItem command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Id == command.MeetingId, cancellationToken);
        var next = meeting.AgendaItems.Count == 0 ? 1 : meeting.AgendaItems.Max(a => a.Position) + 1;
        AgendaItem item;
        if (command.MatterId is { } matterId)
        {
            if (meeting.AgendaItems.Any(a => a.MatterId == matterId))
            {
                throw new DomainRuleException("Rule.Meeting.MatterAlreadyOnAgenda");
            }

            var hard = await Agenda.HardCasesAsync(db, meeting.StreetId, cancellationToken, next);
            item = hard.SingleOrDefault(a => a.MatterId == matterId) ?? throw new DomainRuleException("Rule.Meeting.NotAHardCaseOfStreet");
            item.Position = next;
            await Agenda.NoteOnTimelinesAsync(db, [item], meeting, await currentUser.GetAsync(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        else if (command.RiskWarningId is { } warningId)
        {
            if (meeting.AgendaItems.Any(a => a.RiskWarningId == warningId))
            {
                throw new DomainRuleException("Rule.Meeting.WarningAlreadyOnAgenda");
            }

            var open = await Agenda.OpenWarningsAsync(db, meeting.StreetId, cancellationToken, next);
            item = open.SingleOrDefault(a => a.RiskWarningId == warningId) ?? throw new DomainRuleException("Rule.Meeting.NotAnOpenWarningOfStreet");
            item.Position = next;
        }
        else
        {
            item = new AgendaItem { Source = AgendaSource.Manual, Title = command.Title.Trim(), Position = next };
        }

        meeting.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }
}

/// <summary>The coordinator takes an item off the agenda (after a confirmation); action items that named it keep their text.</summary>
[Allowed(Roles.Coordinator)]
public sealed record RemoveAgendaItem(int MeetingId, int AgendaItemId) : ICommand<bool>, IMeetingRequest;

public sealed class RemoveAgendaItemHandler(IDbContextFactory<AppDbContext> dbFactory) : ICommandHandler<RemoveAgendaItem, bool>
{
    public async ValueTask<bool> Handle(RemoveAgendaItem command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == command.AgendaItemId && a.MeetingId == command.MeetingId, cancellationToken)
            ?? throw new NotFoundException($"Agenda item {command.AgendaItemId}");
        await db.ActionItems.Where(a => a.AgendaItemId == item.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.AgendaItemId, (int?)null), cancellationToken);
        db.AgendaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>After the meeting: its minutes and a decision per agenda item, saved together.</summary>
[Allowed(Roles.Coordinator)]
public sealed record RecordMinutes(int MeetingId, int Version, [property: FieldLabel("Meeting.Minutes")] string Minutes, IReadOnlyList<AgendaDecision> Decisions) : ICommand<int>, IMeetingRequest;

public sealed record AgendaDecision(int AgendaItemId, string Decision);

public sealed class RecordMinutesValidator : AbstractValidator<RecordMinutes>
{
    public RecordMinutesValidator()
    {
        RuleFor(x => x.Minutes).MaximumLength(JointMeeting.MaxMinutesLength);
        RuleForEach(x => x.Decisions).ChildRules(d => d.RuleFor(x => x.Decision).MaximumLength(AgendaItem.MaxDecisionLength));
    }
}

public sealed class RecordMinutesHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : ICommandHandler<RecordMinutes, int>
{
    public async ValueTask<int> Handle(RecordMinutes command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Id == command.MeetingId, cancellationToken);
        if (meeting.Version != command.Version)
        {
            throw new DbUpdateConcurrencyException($"Meeting {meeting.Id} is at version {meeting.Version}, the caller saw {command.Version}");
        }

        if (meeting.StartsAtUtc > now)
        {
            throw new DomainRuleException("Rule.Meeting.NotYetHeld");
        }

        meeting.Minutes = command.Minutes.Trim();
        meeting.MinutesRecordedAtUtc = now;
        foreach (var decision in command.Decisions)
        {
            var item = meeting.AgendaItems.SingleOrDefault(a => a.Id == decision.AgendaItemId) ?? throw new NotFoundException($"Agenda item {decision.AgendaItemId}");
            item.Decision = decision.Decision.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        return meeting.Version;
    }
}

/// <summary>The coordinator deletes a meeting that gave no action items yet (after a confirmation).</summary>
[Allowed(Roles.Coordinator)]
public sealed record DeleteMeeting(int MeetingId) : ICommand<bool>, IMeetingRequest;

public sealed class DeleteMeetingHandler(IDbContextFactory<AppDbContext> dbFactory) : ICommandHandler<DeleteMeeting, bool>
{
    public async ValueTask<bool> Handle(DeleteMeeting command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.Include(m => m.AgendaItems).Include(m => m.Agencies).Include(m => m.Participants)
            .SingleAsync(m => m.Id == command.MeetingId, cancellationToken);
        if (await db.ActionItems.AnyAsync(a => a.MeetingId == meeting.Id, cancellationToken))
        {
            throw new DomainRuleException("Rule.Meeting.HasActionItems");
        }

        db.Meetings.Remove(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
