using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>
/// A street officer or coordinator of the warning's street moves it forward (new → acknowledged →
/// in hand → closed, or straight to closed), with an optional note; the move is kept with who and
/// when. <see cref="Version"/> is the version the user saw: a warning changed meanwhile is refused.
/// </summary>
[Allowed(Roles.StreetOfficer, Roles.Coordinator)]
public sealed record MoveRiskWarning(long WarningId, [property: FieldLabel("Warnings.State")] WarningState To, int Version, string Note = "") : ICommand<int>, IRiskWarningRequest;

public sealed class MoveRiskWarningValidator : AbstractValidator<MoveRiskWarning>
{
    public MoveRiskWarningValidator()
    {
        RuleFor(x => x.To).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(RiskWarningEvent.MaxNoteLength);
    }
}

public sealed class MoveRiskWarningHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MoveRiskWarning, int>
{
    public async ValueTask<int> Handle(MoveRiskWarning command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var warning = await db.RiskWarnings.SingleOrDefaultAsync(w => w.Id == command.WarningId, cancellationToken)
            ?? throw new NotFoundException($"Warning {command.WarningId}");
        if (warning.Version != command.Version)
        {
            throw new DbUpdateConcurrencyException($"Warning {warning.Id} is at version {warning.Version}, not {command.Version}");
        }

        if (!RiskWarning.CanMove(warning.State, command.To))
        {
            throw new DomainRuleException("Warning.IllegalMove", $"{warning.State} → {command.To}");
        }

        db.RiskWarningEvents.Add(new RiskWarningEvent
        {
            WarningId = warning.Id,
            From = warning.State,
            To = command.To,
            ActorId = me.Id,
            ActorName = me.Name,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Note = command.Note.Trim(),
        });
        warning.State = command.To;
        await db.SaveChangesAsync(cancellationToken);
        return warning.Version;
    }
}
