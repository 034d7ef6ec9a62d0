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

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>
/// Names a user to hear about the escalations of one court's matters (its execution-bureau lead)
/// or of one street's (its leader). Exactly one of <see cref="CourtId"/> and <see cref="StreetId"/>.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed class AddEscalationContact : ICommand<int>
{
    public int? CourtId { get; set; }
    public int? StreetId { get; set; }
    public string UserId { get; set; } = "";
}

public sealed class AddEscalationContactValidator : AbstractValidator<AddEscalationContact>
{
    public AddEscalationContactValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.CourtId)
            .Must((command, court) => (court is null) != (command.StreetId is null))
            .WithMessage(_ => localizer["Admin.Deadlines.Contact.OneUnit"])
            .WithErrorCode("Admin.Deadlines.Contact.OneUnit");

        // The unique index cannot see duplicates: its null court or street makes every row distinct in SQLite.
        RuleFor(x => x.UserId).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MustAsync(async (userId, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled, ct);
            })
            .WithMessage(_ => localizer["Admin.Deadlines.Contact.UserUnavailable"])
            .WithErrorCode("Admin.Deadlines.Contact.UserUnavailable")
            .MustAsync(async (command, userId, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return !await db.EscalationContacts.AnyAsync(c => c.UserId == userId && c.CourtId == command.CourtId && c.StreetId == command.StreetId, ct);
            })
            .WithMessage(_ => localizer["Admin.Deadlines.Contact.Duplicate"])
            .WithErrorCode("Admin.Deadlines.Contact.Duplicate")
            .WithName(_ => localizer["Admin.Deadlines.Field.Contact"]);
    }
}

public sealed class AddEscalationContactHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddEscalationContact, int>
{
    public async ValueTask<int> Handle(AddEscalationContact command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = command.CourtId is { } courtId
            ? "Court " + (await db.Courts.Where(c => c.Id == courtId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Court {courtId}"))
            : "Street " + (await db.Streets.Where(s => s.Id == command.StreetId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Street {command.StreetId}"));
        var user = await db.Users.Where(u => u.Id == command.UserId).Select(u => new { u.UserName, u.DisplayName }).SingleAsync(cancellationToken);

        var contact = new EscalationContact { CourtId = command.CourtId, StreetId = command.StreetId, UserId = command.UserId };
        db.EscalationContacts.Add(contact);
        db.AddAudit(me, clock, "Deadlines.EscalationContactAdded", unit, $"{user.DisplayName} ({user.UserName})");
        await db.SaveChangesAsync(cancellationToken);
        return contact.Id;
    }
}
