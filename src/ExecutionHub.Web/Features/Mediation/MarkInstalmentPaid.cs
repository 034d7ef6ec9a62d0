using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Mediation;

/// <summary>
/// A coordinator (or the case's judge) records that an instalment was paid: how much, which day.
/// Once only; the deadline sweep stops watching it and the case's timeline says so.
/// </summary>
[Allowed(Roles.Coordinator, Roles.Judge)]
public sealed class MarkInstalmentPaid : ICommand<int>, IScopedRequest
{
    public int InstalmentId { get; set; }
    public int Version { get; set; }
    public decimal? Amount { get; set; }
    [FieldLabel("Instalment.PaidOn")]
    public DateOnly? PaidOn { get; set; }

    async ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var scope = await db.Instalments.Where(i => i.Id == InstalmentId)
            .Join(db.Cases, i => i.CaseId, c => c.Id, (_, c) => new OrgScope(c.CourtId, c.StreetId, null, null, null, null))
            .SingleOrDefaultAsync(cancellationToken);
        return scope ?? throw new NotFoundException($"Instalment {InstalmentId}");
    }
}

public sealed class MarkInstalmentPaidValidator : AbstractValidator<MarkInstalmentPaid>
{
    public MarkInstalmentPaidValidator(TimeProvider clock)
    {
        RuleFor(x => x.Amount).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => UiText.Get("Instalment.AmountRequired"))
            .GreaterThan(0m).WithMessage(_ => UiText.Get("Instalment.AmountRequired")).LessThan(10_000_000_000m);
        RuleFor(x => x.PaidOn).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => UiText.Get("Instalment.PaidOnRequired"))
            .Must(d => d <= ChinaTime.Today(clock)).WithMessage(_ => UiText.Get("Instalment.PaidOnInFuture"));
    }
}

public sealed class MarkInstalmentPaidHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkInstalmentPaid, int>
{
    public async ValueTask<int> Handle(MarkInstalmentPaid command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instalment = await db.Instalments.SingleOrDefaultAsync(i => i.Id == command.InstalmentId, cancellationToken)
            ?? throw new NotFoundException($"Instalment {command.InstalmentId}");
        if (instalment.IsPaid)
        {
            throw new DomainRuleException("Rule.Instalment.AlreadyPaid", $"instalment {instalment.Id}");
        }

        if (instalment.Version != command.Version)
        {
            throw new DbUpdateConcurrencyException($"Instalment {instalment.Id} is at version {instalment.Version}, the caller saw {command.Version}");
        }

        instalment.MarkPaid(command.Amount!.Value, command.PaidOn!.Value, me.Id, now);
        db.Timeline.Add(new TimelineEntry
        {
            CaseId = instalment.CaseId,
            AtUtc = now,
            ActorId = me.Id,
            ActorName = me.Name,
            Event = "Timeline.InstalmentPaid",
            Detail = string.Format(CultureInfo.InvariantCulture, "#{0} · {1:N2} · {2:yyyy-MM-dd}", instalment.Number, command.Amount, command.PaidOn),
        });
        await db.SaveChangesAsync(cancellationToken);
        return instalment.Version;
    }
}
