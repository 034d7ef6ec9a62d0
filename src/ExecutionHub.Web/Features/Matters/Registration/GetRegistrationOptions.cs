using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Registration;

/// <summary>Pick lists for a new case on the registration form: the court's streets and judges.</summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetRegistrationOptions : IQuery<RegistrationOptions>;

public sealed record RegistrationOptions(IReadOnlyList<Choice> Streets, IReadOnlyList<Choice> Judges);

public sealed class GetRegistrationOptionsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetRegistrationOptions, RegistrationOptions>
{
    public async ValueTask<RegistrationOptions> Handle(GetRegistrationOptions query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var courtId = me.CourtId ?? await db.Streets.Where(s => s.Id == me.StreetId).Select(s => (int?)s.CourtId).SingleOrDefaultAsync(cancellationToken);
        var streets = await db.Streets.Where(s => s.CourtId == courtId).OrderBy(s => s.Id)
            .Select(s => new Choice(s.Id.ToString(), s.Name)).ToListAsync(cancellationToken);
        var judgeRole = await db.Roles.Where(r => r.Name == Roles.Judge).Select(r => r.Id).SingleAsync(cancellationToken);
        var judges = await db.Users
            .Where(u => u.CourtId == courtId && !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == judgeRole))
            .OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        return new RegistrationOptions(streets, judges);
    }
}
