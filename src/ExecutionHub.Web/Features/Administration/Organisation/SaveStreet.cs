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

/// <summary>
/// Creates a street under a court, with the four working groups of its workstation (the "4" of
/// 4+1+X), or renames one; either way sets its code (<see cref="OrgCodes"/>), or clears it when blank.
/// A street does not move between courts.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SaveStreet : ICommand<int>, IOrgUnitForm
{
    public int? Id { get; init; }

    public int CourtId { get; init; }

    public string Name { get; set; } = "";

    /// <summary>The code other systems name the street by: its 9-digit division code, else one the administrator makes up; blank for none.</summary>
    [FieldLabel("Admin.Org.Field.Code")]
    public string? Code { get; set; }
}

public sealed class SaveStreetValidator : AbstractValidator<SaveStreet>
{
    public SaveStreetValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Name).UnitName(localizer, "Admin.Org.DuplicateStreetName", async (command, name, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Streets.AnyAsync(s => s.CourtId == command.CourtId && s.Name == name && s.Id != command.Id, ct);
        });
        RuleFor(x => x.Code).UnitCode(localizer, OrgCodes.IsStreetCode, "Admin.Org.StreetCodeFormat", "Admin.Org.DuplicateStreetCode", async (command, code, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Streets.AnyAsync(s => s.CourtId == command.CourtId && s.Code == code && s.Id != command.Id, ct);
        });
    }
}

public sealed class SaveStreetHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveStreet, int>
{
    public async ValueTask<int> Handle(SaveStreet command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var name = command.Name.Trim();
        var code = OrgCodes.Normalise(command.Code);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.Id is null)
        {
            if (!await db.Courts.AnyAsync(c => c.Id == command.CourtId, cancellationToken))
            {
                throw new NotFoundException($"Court {command.CourtId}");
            }

            var created = new Street { Name = name, Code = code, CourtId = command.CourtId };
            db.Streets.Add(created);
            db.WorkingGroups.AddRange(StandardWorkingGroups.All.Select(g => new WorkingGroup { Street = created, Kind = g.Kind, Name = g.Name }));
            db.AddAudit(me, clock, "Org.StreetCreated", $"Street {name}", $"court #{command.CourtId}; code {code ?? "-"}; {string.Join("、", StandardWorkingGroups.All.Select(g => g.Name))}");
            await db.SaveChangesAsync(cancellationToken);
            return created.Id;
        }

        var street = await db.Streets.SingleOrDefaultAsync(s => s.Id == command.Id && s.CourtId == command.CourtId, cancellationToken)
            ?? throw new NotFoundException($"Street {command.Id}");
        if (street.Name != name)
        {
            db.AddAudit(me, clock, "Org.StreetRenamed", $"Street #{street.Id}", $"{street.Name} → {name}");
            street.Name = name;
        }

        if (street.Code != code)
        {
            // Other systems may hold the old code: the audit line says when it stopped naming this street.
            db.AddAudit(me, clock, "Org.StreetCodeSet", $"Street #{street.Id}", $"{street.Code ?? "-"} → {code ?? "-"}");
            street.Code = code;
        }

        await db.SaveChangesAsync(cancellationToken);

        return street.Id;
    }
}
