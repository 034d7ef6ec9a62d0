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

/// <summary>Creates a court (no <see cref="Id"/>) or renames one and corrects its case code.</summary>
[Allowed(Roles.Administrator)]
public sealed record SaveCourt : ICommand<int>, IOrgUnitForm
{
    public int? Id { get; init; }

    public string Name { get; set; } = "";

    /// <summary>The court's code inside case numbers, e.g. 沪0110.</summary>
    public string CaseCode { get; set; } = "";
}

public sealed class SaveCourtValidator : AbstractValidator<SaveCourt>
{
    public SaveCourtValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Name).UnitName(localizer, "Admin.Org.DuplicateCourtName", async (command, name, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Courts.AnyAsync(c => c.Name == name && c.Id != command.Id, ct);
        });

        RuleFor(x => x.CaseCode).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(code => Court.IsCaseCode(code.Trim()))
            .WithMessage(_ => localizer["Admin.Org.CaseCodeFormat"])
            .WithErrorCode("Admin.Org.CaseCodeFormat")
            .MustAsync(async (command, code, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return !await db.Courts.AnyAsync(c => c.CaseCode == code.Trim() && c.Id != command.Id, ct);
            })
            .WithMessage(_ => localizer["Admin.Org.DuplicateCaseCode"])
            .WithErrorCode("Admin.Org.DuplicateCaseCode")
            .MustAsync(async (command, code, ct) =>
            {
                // Case numbers already issued carry the old code; changing it would orphan them.
                if (command.Id is null)
                {
                    return true;
                }

                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var current = await db.Courts.Where(c => c.Id == command.Id).Select(c => c.CaseCode).SingleOrDefaultAsync(ct);
                return current is null || current == code.Trim() || !await db.Cases.AnyAsync(k => k.CourtId == command.Id, ct);
            })
            .WithMessage(_ => localizer["Admin.Org.CaseCodeInUse"])
            .WithErrorCode("Admin.Org.CaseCodeInUse")
            .WithName(_ => localizer["Admin.Org.Field.CaseCode"]);
    }
}

public sealed class SaveCourtHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveCourt, int>
{
    public async ValueTask<int> Handle(SaveCourt command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var name = command.Name.Trim();
        var code = command.CaseCode.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.Id is null)
        {
            var created = new Court { Name = name, CaseCode = code };
            db.Courts.Add(created);
            db.AddAudit(me, clock, "Org.CourtCreated", $"Court {name}", code);
            await db.SaveChangesAsync(cancellationToken);
            return created.Id;
        }

        var court = await db.Courts.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"Court {command.Id}");
        if (court.Name != name || court.CaseCode != code)
        {
            db.AddAudit(me, clock, "Org.CourtUpdated", $"Court #{court.Id}", $"{court.Name} {court.CaseCode} → {name} {code}");
            court.Name = name;
            court.CaseCode = code;
            await db.SaveChangesAsync(cancellationToken);
        }

        return court.Id;
    }
}
