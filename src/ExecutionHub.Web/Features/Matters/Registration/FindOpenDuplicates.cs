using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Registration;

/// <summary>
/// What the registration form asks before it sends: the open matters this registration would repeat,
/// so the user sees them (reference, status, link) and confirms with a reason, or stops. Only on cases
/// the sender may register on — a judge's court, a coordinator's street; none when the case is new.
/// The handler checks again inside its transaction, so a matter registered in between is still caught.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record FindOpenDuplicates(RegisterMatter Registration) : IQuery<IReadOnlyList<OpenDuplicate>>;

public sealed class FindOpenDuplicatesValidator : AbstractValidator<FindOpenDuplicates>
{
    public FindOpenDuplicatesValidator()
    {
        var limits = new InlineValidator<RegisterMatter>();
        RegistrationTextLimits.AddTo(limits);
        RuleFor(x => x.Registration).SetValidator(limits);
    }
}

public sealed class FindOpenDuplicatesHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<FindOpenDuplicates, IReadOnlyList<OpenDuplicate>>
{
    public async ValueTask<IReadOnlyList<OpenDuplicate>> Handle(FindOpenDuplicates query, CancellationToken cancellationToken)
    {
        if (!Domain.CaseNumber.TryParse(query.Registration.CaseNumber, out var number))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await RegistrationCases.FindAsync(db, number, await currentUser.GetAsync(), cancellationToken);
        return @case is null ? [] : await OpenDuplicates.FindAsync(db, @case, query.Registration, cancellationToken);
    }
}
