using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Progress;

/// <summary>
/// Step 2 of the public progress page: the applicant enters the code. The newest live code of that
/// applicant is checked; a match uses it up and returns the case's progress, a miss counts against
/// it. Null for every refusal alike (no such case or phone, no live code, wrong code).
/// </summary>
[AllowAnonymousRequest]
public sealed record OpenProgress(string CaseNumber, string Phone, string Code) : ICommand<ProgressView?>;

/// <summary>
/// What an applicant may see: the case, its milestones and the workstation's work on it as types,
/// statuses and dates. Deliberately nothing about the respondent: no name, ID, phone, address, findings or feedback.
/// </summary>
public sealed record ProgressView(
    string CaseNumber,
    string CourtName,
    string Cause,
    CaseStatus Status,
    IReadOnlyList<ProgressMilestone> Milestones,
    IReadOnlyList<ProgressMatter> Matters);

public sealed record ProgressMilestone(MilestoneKind Kind, DateOnly OccurredOn, decimal? Amount);

public sealed record ProgressMatter(MatterType Type, MatterStatus Status, DateOnly ReceivedOn, DateOnly? FedBackOn);

public sealed class OpenProgressValidator : AbstractValidator<OpenProgress>
{
    public OpenProgressValidator()
    {
        RuleFor(x => x.CaseNumber).Must(n => Domain.CaseNumber.TryParse(n, out _)).WithMessage(_ => UiText.Get("Validation.CaseNumber"));
        RuleFor(x => x.Phone).Must(ProgressAccess.IsMobile).WithMessage(_ => UiText.Get("Progress.PhoneFormat"));
        RuleFor(x => x.Code).Matches(@"^\d{6}$").WithMessage(_ => UiText.Get("Progress.CodeFormat"));
    }
}

public sealed class OpenProgressHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<OpenProgressHandler> logger)
    : ICommandHandler<OpenProgress, ProgressView?>
{
    public async ValueTask<ProgressView?> Handle(OpenProgress command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (@case, applicant) = await ProgressAccess.FindAsync(db, command.CaseNumber, command.Phone, cancellationToken);
        if (@case is null || applicant is null)
        {
            ProgressAccess.VerifyNothing(command.Code);
            return null;
        }

        var access = await db.ProgressAccessCodes.AsNoTracking()
            .Where(c => c.CaseId == @case.Id && c.PartyId == applicant.Id && c.UsedAtUtc == null && c.ExpiresAtUtc > now && c.FailedAttempts < ProgressAccess.MaxFailedAttempts)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (access is null)
        {
            ProgressAccess.VerifyNothing(command.Code);
            return null;
        }

        // Conditional updates, so two requests racing on one code cannot both use it or both escape a count.
        if (!ProgressAccess.Verify(command.Code, access.CodeHash))
        {
            await db.ProgressAccessCodes.Where(c => c.Id == access.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken);
            logger.LogWarning("Wrong progress code for case {CaseId} (attempt {Attempt})", @case.Id, access.FailedAttempts + 1);
            return null;
        }

        var claimed = await db.ProgressAccessCodes
            .Where(c => c.Id == access.Id && c.UsedAtUtc == null && c.FailedAttempts < ProgressAccess.MaxFailedAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAtUtc, now), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var milestones = await db.Milestones.AsNoTracking().Where(m => m.CaseId == @case.Id)
            .OrderBy(m => m.OccurredOn).ThenBy(m => m.Id)
            .Select(m => new ProgressMilestone(m.Kind, m.OccurredOn, m.Amount))
            .ToListAsync(cancellationToken);
        var matters = (await db.Matters.AsNoTracking().Where(m => m.CaseId == @case.Id && m.Status != MatterStatus.Cancelled)
                .OrderBy(m => m.ReceivedAtUtc)
                .Select(m => new { m.Type, m.Status, m.ReceivedAtUtc, m.FedBackAtUtc })
                .ToListAsync(cancellationToken))
            .Select(m => new ProgressMatter(m.Type, m.Status, ShanghaiDate(m.ReceivedAtUtc), m.FedBackAtUtc is { } fedBack ? ShanghaiDate(fedBack) : null))
            .ToList();
        return new ProgressView(@case.CaseNumber, @case.Court!.Name, @case.Cause, @case.Status, milestones, matters);
    }

    private static DateOnly ShanghaiDate(DateTime utc) => DateOnly.FromDateTime(ChinaTime.ToLocal(utc));
}
