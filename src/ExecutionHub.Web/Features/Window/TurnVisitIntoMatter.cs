using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>
/// Registers the matter a window visit becomes (a party application) and links the two in one
/// transaction: the visit keeps the matter's id, the matter's timeline says it came from the
/// window. A visit becomes at most one matter; a second attempt changes nothing.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record TurnVisitIntoMatter(int VisitId, RegisterMatter Registration) : ICommand<int>, IWindowVisitRequest;

public sealed class TurnVisitIntoMatterValidator : AbstractValidator<TurnVisitIntoMatter>
{
    public TurnVisitIntoMatterValidator()
    {
        RuleFor(x => x.Registration).NotNull().SetValidator(new RegisterMatterValidator());
        RuleFor(x => x.Registration.Source).Equal(MatterSource.PartyApplication)
            .WithMessage(_ => UiText.Get("Validation.WindowMatterSource"));
    }
}

public sealed class TurnVisitIntoMatterHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<TurnVisitIntoMatter, int>
{
    public async ValueTask<int> Handle(TurnVisitIntoMatter command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var visit = await db.WindowVisits.SingleOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken)
            ?? throw new NotFoundException($"Window visit {command.VisitId}");
        visit.EnsureCanBecomeMatter();

        var origin = ("Timeline.MatterFromWindowVisit", $"{ChinaTime.Format(visit.VisitedAtUtc)} · {UiText.Get($"VisitPurpose.{visit.Purpose}")}");
        var matter = await MatterRegistration.RegisterAsync(db, command.Registration, me, clock.GetUtcNow().UtcDateTime, origin, cancellationToken);
        var caseNumber = await db.Cases.Where(c => c.Id == matter.CaseId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        visit.BecameMatter(matter, caseNumber);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone turned the same visit a moment earlier; leaving without a commit drops this matter.
            throw new DomainRuleException("Rule.Window.AlreadyMatter", $"visit {visit.Id} was turned concurrently");
        }

        await transaction.CommitAsync(cancellationToken);
        return matter.Id;
    }
}
