using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Meetings;

/// <summary>A street's joint meetings, soonest upcoming first, then the past ones newest first.</summary>
[Allowed(Roles.Coordinator)]
public sealed record ListMeetings(int StreetId) : IQuery<IReadOnlyList<MeetingRow>>, IStreetMeetingsRequest;

public sealed record MeetingRow(int Id, string Title, DateTime StartsAtUtc, string Place, IReadOnlyList<string> Agencies, int AgendaItems, int OpenActionItems, int OverdueActionItems, bool Upcoming);

public sealed class ListMeetingsHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IQueryHandler<ListMeetings, IReadOnlyList<MeetingRow>>
{
    public async ValueTask<IReadOnlyList<MeetingRow>> Handle(ListMeetings query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Meetings.Where(m => m.StreetId == query.StreetId)
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.StartsAtUtc,
                m.Place,
                Agencies = m.Agencies.Join(db.PartnerAgencies, ma => ma.AgencyId, a => a.Id, (_, a) => a.Name).ToList(),
                Agenda = m.AgendaItems.Count,
                Open = m.ActionItems.Count(a => a.DoneAtUtc == null),
                Overdue = m.ActionItems.Count(a => a.DoneAtUtc == null && a.DueAtUtc <= now),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MeetingRow(r.Id, r.Title, r.StartsAtUtc, r.Place, r.Agencies, r.Agenda, r.Open, r.Overdue, r.StartsAtUtc > now))
            .OrderByDescending(r => r.Upcoming).ThenBy(r => r.Upcoming ? r.StartsAtUtc.Ticks : -r.StartsAtUtc.Ticks).ToList();
    }
}

/// <summary>One meeting with its invitees, agenda, decisions, minutes and action items.</summary>
[Allowed(Roles.Coordinator)]
public sealed record GetMeeting(int MeetingId) : IQuery<MeetingView>, IMeetingRequest;

public sealed record MeetingView(
    int Id, int Version, int StreetId, string Title, DateTime StartsAtUtc, string Place, string Minutes, DateTime? MinutesRecordedAtUtc, bool Held,
    IReadOnlyList<string> Agencies, IReadOnlyList<string> Participants, IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<ActionItemRow> ActionItems);

public sealed record AgendaItemView(int Id, AgendaSource Source, int? MatterId, string Title, string Decision, long? RiskWarningId = null);

public sealed record ActionItemRow(
    int Id, int Version, int MeetingId, string MeetingTitle, string Description, string OwnerName, bool OwnerIsAgency, DateOnly DueOn, DueState State, string DoneNote, DateTime? DoneAtUtc);

public sealed class GetMeetingHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IQueryHandler<GetMeeting, MeetingView>
{
    public async ValueTask<MeetingView> Handle(GetMeeting query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.AgendaItems).Include(m => m.Agencies).Include(m => m.Participants)
            .AsSplitQuery().SingleAsync(m => m.Id == query.MeetingId, cancellationToken);
        var agencyIds = meeting.Agencies.Select(a => a.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.Where(a => agencyIds.Contains(a.Id)).OrderBy(a => a.Kind).Select(a => a.Name).ToListAsync(cancellationToken);
        var peopleIds = meeting.Participants.Select(p => p.UserId).ToList();
        var people = await db.Users.Where(u => peopleIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(cancellationToken);
        var actions = await ActionItemRows.Of(db, db.ActionItems.Where(a => a.MeetingId == meeting.Id), now, cancellationToken);
        return new MeetingView(
            meeting.Id, meeting.Version, meeting.StreetId, meeting.Title, meeting.StartsAtUtc, meeting.Place, meeting.Minutes, meeting.MinutesRecordedAtUtc, meeting.StartsAtUtc <= now,
            agencies, people,
            meeting.AgendaItems.OrderBy(a => a.Position).Select(a => new AgendaItemView(a.Id, a.Source, a.MatterId, a.Title, a.Decision, a.RiskWarningId)).ToList(),
            actions);
    }
}

public static class ActionItemRows
{
    /// <summary>Rows with their meeting's title and their owner's name, soonest due first.</summary>
    public static async Task<IReadOnlyList<ActionItemRow>> Of(AppDbContext db, IQueryable<ActionItem> items, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await items.OrderBy(a => a.DueAtUtc).ThenBy(a => a.Id)
            .Select(a => new
            {
                Item = a,
                MeetingTitle = a.Meeting!.Title,
                Agency = db.PartnerAgencies.Where(p => p.Id == a.OwnerAgencyId).Select(p => p.Name).FirstOrDefault(),
                Person = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ActionItemRow(
            r.Item.Id, r.Item.Version, r.Item.MeetingId, r.MeetingTitle, r.Item.Description, r.Agency ?? r.Person ?? "", r.Agency is not null,
            r.Item.DueOn, r.Item.StateAt(now), r.Item.DoneNote, r.Item.DoneAtUtc)).ToList();
    }
}

/// <summary>What scheduling a meeting and giving action items can choose from: the court's agencies, the people who can be invited, the street's open hard cases.</summary>
[Allowed(Roles.Coordinator)]
public sealed record GetMeetingOptions(int StreetId) : IQuery<MeetingOptions>, IStreetMeetingsRequest;

public sealed record MeetingOptions(IReadOnlyList<(int Id, string Name)> Agencies, IReadOnlyList<(string Id, string Name)> People, IReadOnlyList<(int MatterId, string Title)> HardCases, IReadOnlyList<(long WarningId, string Title)>? OpenWarnings = null);

public sealed class GetMeetingOptionsHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetMeetingOptions, MeetingOptions>
{
    public async ValueTask<MeetingOptions> Handle(GetMeetingOptions query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var street = await db.Streets.SingleAsync(s => s.Id == query.StreetId, cancellationToken);
        var agencies = await db.PartnerAgencies.Where(a => a.CourtId == street.CourtId).OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        // Grid workers follow the street's own grids rather than meetings; the rest can be invited or given an item.
        var people = await MeetingPeople.Of(db, street).Where(u => u.GridId == null).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var hard = await Agenda.HardCasesAsync(db, street.Id, cancellationToken);
        var warnings = await Agenda.OpenWarningsAsync(db, street.Id, cancellationToken);
        return new MeetingOptions(
            agencies.Select(a => (a.Id, a.Name)).ToList(),
            people.Select(p => (p.Id, p.DisplayName)).ToList(),
            hard.Select(h => (h.MatterId!.Value, h.Title)).ToList(),
            warnings.Select(w => (w.RiskWarningId!.Value, w.Title)).ToList());
    }
}

/// <summary>
/// The board of open action items across meetings: a coordinator sees the street's, a partner
/// agent their agency's and their own. Filters: one owner (agency or person), overdue only.
/// </summary>
[Allowed(Roles.Coordinator, Roles.PartnerAgent)]
public sealed record ListActionItems(int? OwnerAgencyId = null, string? OwnerUserId = null, bool OverdueOnly = false) : IQuery<ActionBoard>;

public sealed class ListActionItemsValidator : AbstractValidator<ListActionItems>
{
    public ListActionItemsValidator() =>
        RuleFor(x => x.OwnerUserId).MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("ActionItem.Owner"));
}

public sealed record ActionBoard(IReadOnlyList<ActionItemRow> Rows, IReadOnlyList<(int Id, string Name)> Agencies, IReadOnlyList<(string Id, string Name)> People);

public sealed class ListActionItemsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListActionItems, ActionBoard>
{
    public async ValueTask<ActionBoard> Handle(ListActionItems query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = db.ActionItems.Where(a => a.DoneAtUtc == null);
        var mine = me.IsInRole(Roles.Coordinator) && me.StreetId is { } street
            ? open.Where(a => a.StreetId == street)
            : me.AgencyId is { } agency
                ? open.Where(a => a.OwnerAgencyId == agency || a.OwnerUserId == me.Id)
                : open.Where(a => a.OwnerUserId == me.Id);
        var owners = await mine.Select(a => new { a.OwnerAgencyId, a.OwnerUserId }).Distinct().ToListAsync(cancellationToken);
        var agencyIds = owners.Where(o => o.OwnerAgencyId is not null).Select(o => o.OwnerAgencyId!.Value).ToList();
        var userIds = owners.Where(o => o.OwnerUserId is not null).Select(o => o.OwnerUserId!).ToList();
        var agencies = await db.PartnerAgencies.Where(a => agencyIds.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var people = await db.Users.Where(u => userIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);

        var filtered = mine;
        if (query.OwnerAgencyId is { } ownerAgency)
        {
            filtered = filtered.Where(a => a.OwnerAgencyId == ownerAgency);
        }

        if (!string.IsNullOrEmpty(query.OwnerUserId))
        {
            filtered = filtered.Where(a => a.OwnerUserId == query.OwnerUserId);
        }

        if (query.OverdueOnly)
        {
            filtered = filtered.Where(a => a.DueAtUtc <= now);
        }

        return new ActionBoard(
            await ActionItemRows.Of(db, filtered, now, cancellationToken),
            agencies.Select(a => (a.Id, a.Name)).ToList(),
            people.Select(p => (p.Id, p.DisplayName)).ToList());
    }
}
