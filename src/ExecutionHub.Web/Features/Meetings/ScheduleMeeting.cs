using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Warnings;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Meetings;

/// <summary>
/// A coordinator schedules a joint meeting (联席会议) of the street: title, Shanghai date and
/// time, place, the partner agencies and people invited. The agenda starts with every open
/// hard-case matter of the street; the coordinator edits it afterwards.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed class ScheduleMeeting : ICommand<int>, IStreetMeetingsRequest
{
    public int StreetId { get; set; }
    [FieldLabel("Meeting.Title")]
    public string Title { get; set; } = "";

    /// <summary>Asia/Shanghai wall-clock time.</summary>
    [PlannedDate]
    [FieldLabel("Meeting.Date")]
    public DateTime? StartsAtLocal { get; set; }
    [FieldLabel("Meeting.Place")]
    public string Place { get; set; } = "";
    public List<int> AgencyIds { get; set; } = [];
    public List<string> ParticipantIds { get; set; } = [];
}

public sealed class ScheduleMeetingValidator : AbstractValidator<ScheduleMeeting>
{
    public ScheduleMeetingValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage(_ => UiText.Get("Meeting.TitleRequired")).MaximumLength(JointMeeting.MaxTitleLength);
        RuleFor(x => x.StartsAtLocal).NotNull().WithMessage(_ => UiText.Get("Meeting.StartsAtRequired"));
        RuleFor(x => x.Place).NotEmpty().WithMessage(_ => UiText.Get("Meeting.PlaceRequired")).MaximumLength(JointMeeting.MaxPlaceLength);
        RuleFor(x => x.AgencyIds).NotEmpty().WithMessage(_ => UiText.Get("Meeting.AgenciesRequired"));
        RuleFor(x => x.ParticipantIds).Must(ids => ids.Count <= TextLimits.UserIdCount).WithName(_ => UiText.Get("Meeting.People"));
        RuleForEach(x => x.ParticipantIds).MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Meeting.People"));
    }
}

public sealed class ScheduleMeetingHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ScheduleMeeting, int>
{
    public async ValueTask<int> Handle(ScheduleMeeting command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var street = await db.Streets.SingleOrDefaultAsync(s => s.Id == command.StreetId, cancellationToken) ?? throw new NotFoundException($"Street {command.StreetId}");
        var agencies = command.AgencyIds.Distinct().ToList();
        if (await db.PartnerAgencies.CountAsync(a => agencies.Contains(a.Id) && a.CourtId == street.CourtId, cancellationToken) != agencies.Count)
        {
            throw new DomainRuleException("Rule.Meeting.AgencyNotOfCourt");
        }

        var people = command.ParticipantIds.Distinct().ToList();
        if (await MeetingPeople.Of(db, street).CountAsync(u => people.Contains(u.Id), cancellationToken) != people.Count)
        {
            throw new DomainRuleException("Rule.Meeting.PersonNotInvitable");
        }

        var meeting = new JointMeeting
        {
            StreetId = street.Id,
            CourtId = street.CourtId,
            Title = command.Title.Trim(),
            StartsAtUtc = ChinaTime.ToUtc(DateTime.SpecifyKind(command.StartsAtLocal!.Value, DateTimeKind.Unspecified)),
            Place = command.Place.Trim(),
            CreatedById = me.Id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Agencies = agencies.Select(a => new MeetingAgency { AgencyId = a }).ToList(),
            Participants = people.Select(p => new MeetingParticipant { UserId = p }).ToList(),
        };
        var warnings = await Agenda.OpenWarningsAsync(db, street.Id, cancellationToken);
        meeting.AgendaItems = [.. warnings, .. await Agenda.HardCasesAsync(db, street.Id, cancellationToken, warnings.Count + 1)];
        db.Meetings.Add(meeting);
        await Agenda.NoteOnTimelinesAsync(db, meeting.AgendaItems, meeting, me, meeting.CreatedAtUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Id;
    }
}

/// <summary>Who a street's meeting can invite or give an action item to: the street's staff, the court's judges and the agencies' agents.</summary>
public static class MeetingPeople
{
    public static IQueryable<AppUser> Of(AppDbContext db, Street street) =>
        db.Users.Where(u => !u.IsDisabled && (u.StreetId == street.Id || u.CourtId == street.CourtId
            || (u.PartnerAgencyId != null && db.PartnerAgencies.Any(a => a.Id == u.PartnerAgencyId && a.CourtId == street.CourtId))));
}

public static class Agenda
{
    /// <summary>
    /// The street's open risk warnings as agenda items, most severe first, titled with their aggregate
    /// evidence (no respondent: the meeting's agencies see the agenda) in the scheduler's language.
    /// </summary>
    public static async Task<List<AgendaItem>> OpenWarningsAsync(AppDbContext db, int streetId, CancellationToken cancellationToken, int startAt = 1)
    {
        var open = await db.RiskWarnings.Where(w => w.StreetId == streetId && w.State != WarningState.Closed)
            .OrderByDescending(w => w.Severity).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
        return open.Select((w, i) => new AgendaItem
        {
            Source = AgendaSource.RiskWarning,
            RiskWarningId = w.Id,
            Title = Truncate($"{RiskWarningText.Title(w)}：{RiskWarningText.Evidence(w)}", AgendaItem.MaxTitleLength),
            Position = startAt + i,
        }).ToList();
    }

    /// <summary>The street's open hard-case matters as agenda items, oldest flag first.</summary>
    public static async Task<List<AgendaItem>> HardCasesAsync(AppDbContext db, int streetId, CancellationToken cancellationToken, int startAt = 1)
    {
        // Open or fed back (not closed or cancelled): one range on the status column, as in MatterQueries.Open.
        var hard = await db.Matters.Where(m => m.StreetId == streetId && m.IsHardCase && m.Status <= MatterStatus.FedBack)
            .OrderBy(m => m.HardCaseFlaggedAtUtc)
            .Select(m => new { m.Id, m.Reference, m.HardCaseReason, CaseNumber = m.Case!.CaseNumber })
            .ToListAsync(cancellationToken);
        return hard.Select((m, i) => new AgendaItem
        {
            Source = AgendaSource.HardCase,
            MatterId = m.Id,
            Title = Truncate($"{m.Reference} {m.CaseNumber}：{m.HardCaseReason}", AgendaItem.MaxTitleLength),
            Position = startAt + i,
        }).ToList();
    }

    /// <summary>Each matter put on an agenda says so on its timeline: which meeting, when it sits.</summary>
    public static async Task NoteOnTimelinesAsync(AppDbContext db, IEnumerable<AgendaItem> items, JointMeeting meeting, UserContext actor, DateTime now, CancellationToken cancellationToken)
    {
        var matterIds = items.Where(i => i.MatterId is not null).Select(i => i.MatterId!.Value).ToList();
        var cases = await db.Matters.Where(m => matterIds.Contains(m.Id)).Select(m => new { m.Id, m.CaseId }).ToListAsync(cancellationToken);
        foreach (var matter in cases)
        {
            db.Timeline.Add(new TimelineEntry
            {
                CaseId = matter.CaseId,
                MatterId = matter.Id,
                AtUtc = now,
                ActorId = actor.Id,
                ActorName = actor.Name,
                Event = "Timeline.PutOnMeetingAgenda",
                Detail = $"{meeting.Title} · {ChinaTime.Format(meeting.StartsAtUtc)}",
            });
        }
    }

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
