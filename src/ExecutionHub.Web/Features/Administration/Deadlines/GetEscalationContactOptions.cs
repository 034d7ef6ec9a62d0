using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>What the escalation tab lists and picks from: every court with its streets, and the enabled users.</summary>
[Allowed(Roles.Administrator)]
public sealed record GetEscalationContactOptions : IQuery<EscalationContactOptions>;

public sealed record EscalationContactOptions(IReadOnlyList<EscalationCourt> Courts, IReadOnlyList<ContactCandidate> Users);

public sealed record EscalationCourt(int Id, string Name, IReadOnlyList<EscalationStreet> Streets);

public sealed record EscalationStreet(int Id, string Name);

/// <param name="Roles">Role names (see <see cref="Domain.Roles"/>).</param>
/// <param name="CourtId">The court the user works for (a judge), or the court of their street.</param>
/// <param name="StreetId">The street the user works for (a coordinator or street officer).</param>
public sealed record ContactCandidate(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, int? CourtId, int? StreetId);

public sealed class GetEscalationContactOptionsHandler(IDbContextFactory<AppDbContext> dbFactory)
    : IQueryHandler<GetEscalationContactOptions, EscalationContactOptions>
{
    public async ValueTask<EscalationContactOptions> Handle(GetEscalationContactOptions query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var courts = await db.Courts.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var streets = await db.Streets.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Name, s.CourtId }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.CourtId,
                u.StreetId,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        var courtOfStreet = streets.ToDictionary(s => s.Id, s => s.CourtId);

        return new EscalationContactOptions(
            courts.Select(c => new EscalationCourt(c.Id, c.Name, streets.Where(s => s.CourtId == c.Id).Select(s => new EscalationStreet(s.Id, s.Name)).ToList())).ToList(),
            users.Select(u => new ContactCandidate(
                    u.Id,
                    u.UserName ?? "",
                    u.DisplayName,
                    Roles.All.Where(u.Roles.Contains).ToList(),
                    u.CourtId ?? (u.StreetId is { } street ? courtOfStreet.GetValueOrDefault(street) : null),
                    u.StreetId))
                .ToList());
    }
}
