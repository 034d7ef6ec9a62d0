using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Messaging;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Mediation;

/// <summary>
/// A coordinator (or the case's judge) records an execution mediation on a case, optionally from
/// the window visit it came from: the day, who was present, the mediator and the result. A
/// settlement records the 执行和解 milestone through the milestone use case (the applicants are
/// told as usual) and creates its instalments, all in one transaction. A mutable class, so the
/// dialog's form binds to it and the same validator checks both.
/// </summary>
[Allowed(Roles.Coordinator, Roles.Judge)]
public sealed class RecordMediation : ICommand<int>, ICaseRequest
{
    public int CaseId { get; set; }
    public int? WindowVisitId { get; set; }

    /// <summary>The Shanghai day it was held.</summary>
    [FieldLabel("Mediation.HeldOn")]
    public DateOnly? HeldOn { get; set; }
    public string MediatorId { get; set; } = "";
    public List<AttendeeInput> Attendees { get; set; } = [];
    [FieldLabel("Field.MediationResult")]
    public MediationResult Result { get; set; } = MediationResult.Settlement;

    /// <summary>Yuan, for a settlement.</summary>
    [FieldLabel("Mediation.Total")]
    public decimal? SettlementAmount { get; set; }
    public List<InstalmentInput> Instalments { get; set; } = [];
    [FieldLabel("Mediation.Notes")]
    public string Notes { get; set; } = "";
}

public sealed class AttendeeInput
{
    public AttendeeKind Kind { get; set; } = AttendeeKind.Applicant;
    public int? PartyId { get; set; }
}

public sealed class InstalmentInput
{
    public decimal? Amount { get; set; }

    [PlannedDate]
    [FieldLabel("Mediation.InstalmentDue")]
    public DateOnly? DueOn { get; set; }
}

public sealed class RecordMediationValidator : AbstractValidator<RecordMediation>
{
    public RecordMediationValidator(TimeProvider clock)
    {
        RuleFor(x => x.HeldOn).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => UiText.Get("Mediation.HeldOnRequired"))
            .Must(d => d <= ChinaTime.Today(clock)).WithMessage(_ => UiText.Get("Mediation.HeldOnInFuture"));
        RuleFor(x => x.MediatorId).NotEmpty().WithMessage(_ => UiText.Get("Mediation.MediatorRequired"))
            .MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Mediation.Mediator"));
        RuleFor(x => x.Attendees).NotEmpty().WithMessage(_ => UiText.Get("Mediation.AttendeesRequired"));
        RuleForEach(x => x.Attendees).ChildRules(a => a.RuleFor(x => x.Kind).IsInEnum());
        RuleFor(x => x.Result).IsInEnum();
        RuleFor(x => x.Notes).MaximumLength(MediationSession.MaxNotesLength);
        When(x => x.Result == MediationResult.Settlement, () =>
        {
            RuleFor(x => x.SettlementAmount).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => UiText.Get("Mediation.TotalRequired"))
                .GreaterThan(0m).WithMessage(_ => UiText.Get("Mediation.TotalRequired"))
                .LessThan(10_000_000_000m);
            RuleFor(x => x.Instalments).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => UiText.Get("Mediation.InstalmentsRequired"))
                .Must(list => list.Count <= MediationSession.MaxInstalments).WithMessage(_ => UiText.Get("Mediation.TooManyInstalments"));
            RuleForEach(x => x.Instalments).ChildRules(i =>
            {
                i.RuleFor(x => x.Amount).NotNull().WithMessage(_ => UiText.Get("Mediation.InstalmentAmountRequired"))
                    .GreaterThan(0m).WithMessage(_ => UiText.Get("Mediation.InstalmentAmountRequired"));
                i.RuleFor(x => x.DueOn).NotNull().WithMessage(_ => UiText.Get("Mediation.InstalmentDueRequired"));
            });
            RuleFor(x => x.Instalments)
                .Must((command, list) => list.Any(i => i.Amount is null) || list.Sum(i => i.Amount!.Value) == command.SettlementAmount)
                .When(x => x.SettlementAmount is > 0m && x.Instalments.Count > 0)
                .WithMessage((command, list) => string.Format(CultureInfo.CurrentCulture, UiText.Get("Mediation.InstalmentsSumMismatch"),
                    list.Sum(i => i.Amount ?? 0m), command.SettlementAmount));
            RuleFor(x => x.Instalments)
                .Must((command, list) => Ascending(list.Select(i => i.DueOn!.Value).ToList()) && list[0].DueOn >= command.HeldOn)
                .When(x => x.Instalments.Count > 0 && x.Instalments.All(i => i.DueOn is not null) && x.HeldOn is not null)
                .WithMessage(_ => UiText.Get("Mediation.InstalmentDatesAscending"));
        });
        When(x => x.Result == MediationResult.NoAgreement, () =>
        {
            RuleFor(x => x.SettlementAmount).Null();
            RuleFor(x => x.Instalments).Empty();
        });
    }

    private static bool Ascending(IReadOnlyList<DateOnly> days) => days.Zip(days.Skip(1)).All(pair => pair.Second > pair.First);
}

public sealed class RecordMediationHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, IOutbox outbox)
    : ICommandHandler<RecordMediation, int>
{
    public async ValueTask<int> Handle(RecordMediation command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var @case = await db.Cases.Include(c => c.Parties).Include(c => c.Court)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken) ?? throw new NotFoundException($"Case {command.CaseId}");

        if (command.WindowVisitId is { } visitId)
        {
            var visit = await db.WindowVisits.SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken) ?? throw new NotFoundException($"Window visit {visitId}");
            if (visit.StreetId != @case.StreetId || visit.Purpose != VisitPurpose.ExecutionMediation || (visit.CaseId is { } linked && linked != @case.Id))
            {
                throw new DomainRuleException("Rule.Mediation.VisitNotMediation", $"visit {visitId}");
            }

            visit.CaseId ??= @case.Id;
            visit.CaseNumber ??= @case.CaseNumber;
        }

        if (!await MediationStaff.Of(db, @case.StreetId, @case.CourtId).AnyAsync(u => u.Id == command.MediatorId, cancellationToken))
        {
            throw new DomainRuleException("Rule.Mediation.MediatorNotStaff");
        }

        if (command.Attendees.Any(a => a.PartyId is { } party && @case.Parties.All(p => p.Id != party)))
        {
            throw new DomainRuleException("Rule.Mediation.PartyNotOfCase");
        }

        var plan = command.Instalments.Select(i => (i.Amount!.Value, i.DueOn!.Value)).ToList();
        MediationSession.CheckPlan(command.Result, command.SettlementAmount, plan);

        var session = new MediationSession
        {
            StreetId = @case.StreetId,
            CaseId = @case.Id,
            WindowVisitId = command.WindowVisitId,
            HeldOn = command.HeldOn!.Value,
            MediatorId = command.MediatorId,
            Result = command.Result,
            SettlementAmount = command.Result == MediationResult.Settlement ? command.SettlementAmount : null,
            Notes = command.Notes.Trim(),
            RecordedById = me.Id,
            RecordedAtUtc = now,
            Attendees = command.Attendees.Select(a => new MediationAttendee { Kind = a.Kind, PartyId = a.PartyId }).ToList(),
            Instalments = plan.Select((p, index) => Instalment.Plan(index + 1, p.Item1, p.Item2)).ToList(),
        };
        foreach (var instalment in session.Instalments)
        {
            instalment.CaseId = @case.Id;
            instalment.StreetId = @case.StreetId;
        }

        if (command.Result == MediationResult.Settlement)
        {
            var note = string.Format(CultureInfo.InvariantCulture, UiText.Get("Mediation.MilestoneNote"), plan.Count);
            var milestone = await MilestoneRecording.RecordAsync(db, outbox, @case, MilestoneKind.Settlement, session.HeldOn, session.SettlementAmount, note, me, now, cancellationToken);
            session.MilestoneId = milestone.Id;
        }

        db.Mediations.Add(session);
        db.Timeline.Add(new TimelineEntry
        {
            CaseId = @case.Id,
            AtUtc = now,
            ActorId = me.Id,
            ActorName = me.Name,
            Event = command.Result == MediationResult.Settlement ? "Timeline.MediationSettled" : "Timeline.MediationNoAgreement",
            Detail = Describe(session),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>"2026-11-20 · 12,000.00 · 3 期" — what the timeline shows; the instalments themselves are on the case page.</summary>
    private static string Describe(MediationSession session)
    {
        var parts = new List<string> { session.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        if (session.SettlementAmount is { } amount)
        {
            parts.Add(amount.ToString("N2", CultureInfo.InvariantCulture));
            parts.Add(string.Format(CultureInfo.InvariantCulture, UiText.Get("Mediation.InstalmentCount"), session.Instalments.Count));
        }

        if (session.Notes.Length > 0)
        {
            parts.Add(session.Notes);
        }

        return string.Join(" · ", parts);
    }
}

/// <summary>Who may mediate a case: its street's coordinators and its court's judges (enabled accounts).</summary>
public static class MediationStaff
{
    public static IQueryable<AppUser> Of(AppDbContext db, int streetId, int courtId) =>
        db.Users.Where(u => !u.IsDisabled)
            .Where(u => (u.StreetId == streetId && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordinator)))
                || (u.CourtId == courtId && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Judge))));
}
