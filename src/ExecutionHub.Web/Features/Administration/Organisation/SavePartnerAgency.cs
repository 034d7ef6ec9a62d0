using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Organisation;

/// <summary>Creates a partner agency (the "X" of 4+1+X) of a court, or renames it and corrects its kind.</summary>
[Allowed(Roles.Administrator)]
public sealed record SavePartnerAgency : ICommand<int>, IOrgUnitForm
{
    public int? Id { get; init; }

    public int CourtId { get; init; }

    public string Name { get; set; } = "";

    public PartnerAgencyKind Kind { get; set; } = PartnerAgencyKind.Police;
}

public sealed class SavePartnerAgencyValidator : AbstractValidator<SavePartnerAgency>
{
    public SavePartnerAgencyValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Name).UnitName(localizer, "Admin.Org.DuplicateAgencyName", async (command, name, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.PartnerAgencies.AnyAsync(a => a.CourtId == command.CourtId && a.Name == name && a.Id != command.Id, ct);
        });
        RuleFor(x => x.Kind).IsInEnum().WithName(_ => localizer["Admin.Org.Field.AgencyKind"]);
    }
}

public sealed class SavePartnerAgencyHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SavePartnerAgency, int>
{
    public async ValueTask<int> Handle(SavePartnerAgency command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var name = command.Name.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.Id is null)
        {
            if (!await db.Courts.AnyAsync(c => c.Id == command.CourtId, cancellationToken))
            {
                throw new NotFoundException($"Court {command.CourtId}");
            }

            var created = new PartnerAgency { Name = name, Kind = command.Kind, CourtId = command.CourtId };
            db.PartnerAgencies.Add(created);
            db.AddAudit(me, clock, "Org.AgencyCreated", $"Agency {name}", $"court #{command.CourtId}; {command.Kind}");
            await db.SaveChangesAsync(cancellationToken);
            return created.Id;
        }

        var agency = await db.PartnerAgencies.SingleOrDefaultAsync(a => a.Id == command.Id && a.CourtId == command.CourtId, cancellationToken)
            ?? throw new NotFoundException($"Agency {command.Id}");
        if (agency.Name != name || agency.Kind != command.Kind)
        {
            db.AddAudit(me, clock, "Org.AgencyUpdated", $"Agency #{agency.Id}", $"{agency.Name} {agency.Kind} → {name} {command.Kind}");
            agency.Name = name;
            agency.Kind = command.Kind;
            await db.SaveChangesAsync(cancellationToken);
        }

        return agency.Id;
    }
}
