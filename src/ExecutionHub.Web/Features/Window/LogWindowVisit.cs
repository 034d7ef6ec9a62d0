using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>
/// A coordinator logs a visit received at their street's window; they are its staff member. The
/// case number is optional: a case of the street is linked, any other well-formed number is kept
/// as the visitor gave it. A mutable class, so the log form binds to it and the same validator checks both.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed class LogWindowVisit : ICommand<int>, IStreetWindowRequest
{
    public int StreetId { get; set; }
    [FieldLabel("Window.VisitedAt")]
    public DateTime VisitedAtUtc { get; set; }
    [FieldLabel("Window.VisitorKind")]
    public VisitorKind VisitorKind { get; set; } = VisitorKind.Applicant;
    [FieldLabel("Window.Purpose")]
    public VisitPurpose Purpose { get; set; } = VisitPurpose.FilingConsultation;
    public string VisitorName { get; set; } = "";
    public string? VisitorPhone { get; set; }
    [FieldLabel("Window.CaseNumber")]
    public string? CaseNumber { get; set; }
    public string Notes { get; set; } = "";
    public string? Outcome { get; set; }
}

public sealed class LogWindowVisitValidator : AbstractValidator<LogWindowVisit>
{
    /// <summary>How far back a visit may be logged after the fact.</summary>
    public static readonly TimeSpan LatestBackfill = TimeSpan.FromDays(31);

    public LogWindowVisitValidator(TimeProvider clock)
    {
        RuleFor(x => x.VisitedAtUtc)
            .Must(v => v.Kind == DateTimeKind.Utc && v <= clock.GetUtcNow().UtcDateTime.AddMinutes(5) && v >= clock.GetUtcNow().UtcDateTime - LatestBackfill)
            .WithMessage(_ => UiText.Get("Validation.WindowVisitTime"));
        RuleFor(x => x.VisitorKind).IsInEnum();
        RuleFor(x => x.Purpose).IsInEnum();
        RuleFor(x => x.VisitorName).NotEmpty().MaximumLength(WindowVisit.MaxNameLength).WithName(_ => UiText.Get("Window.VisitorName"));
        RuleFor(x => x.VisitorPhone).Matches(PersonalData.PhonePattern).When(x => !string.IsNullOrWhiteSpace(x.VisitorPhone))
            .WithMessage(_ => UiText.Get("Validation.Phone"));
        RuleFor(x => x.CaseNumber).Must(n => Domain.CaseNumber.TryParse(n, out _)).When(x => !string.IsNullOrWhiteSpace(x.CaseNumber))
            .WithMessage(_ => UiText.Get("Validation.CaseNumber"));
        RuleFor(x => x.Notes).NotEmpty().MaximumLength(WindowVisit.MaxNotesLength).WithName(_ => UiText.Get("Window.Notes"));
        RuleFor(x => x.Outcome).MaximumLength(WindowVisit.MaxOutcomeLength).WithName(_ => UiText.Get("Window.Outcome"));
    }
}

public sealed class LogWindowVisitHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<LogWindowVisit, int>
{
    public async ValueTask<int> Handle(LogWindowVisit command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        string? caseNumber = null;
        int? caseId = null;
        if (!string.IsNullOrWhiteSpace(command.CaseNumber))
        {
            caseNumber = Domain.CaseNumber.Parse(command.CaseNumber).ToString();
            caseId = await db.Cases.Where(c => c.CaseNumber == caseNumber && c.StreetId == command.StreetId)
                .Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        }

        var visit = new WindowVisit
        {
            StreetId = command.StreetId,
            VisitedAtUtc = command.VisitedAtUtc,
            VisitorKind = command.VisitorKind,
            Purpose = command.Purpose,
            VisitorName = command.VisitorName.Trim(),
            VisitorPhone = command.VisitorPhone?.Trim() ?? "",
            CaseNumber = caseNumber,
            CaseId = caseId,
            Notes = command.Notes.Trim(),
            Outcome = command.Outcome?.Trim() ?? "",
            StaffId = me.Id,
            LoggedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.WindowVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return visit.Id;
    }
}
