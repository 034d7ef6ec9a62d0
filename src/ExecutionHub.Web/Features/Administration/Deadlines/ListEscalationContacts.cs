using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>Who the administrator has named to hear about escalations, per court and per street.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListEscalationContacts : IQuery<IReadOnlyList<EscalationContactRow>>;

/// <summary>One named contact: of a court (<see cref="CourtId"/>) or of a street (<see cref="StreetId"/>).</summary>
/// <param name="Roles">The user's role names (see <see cref="Domain.Roles"/>).</param>
public sealed record EscalationContactRow(
    int Id,
    int? CourtId,
    string? CourtName,
    int? StreetId,
    string? StreetName,
    string UserId,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool IsDisabled);

public sealed class ListEscalationContactsHandler(IDbContextFactory<AppDbContext> dbFactory)
    : IQueryHandler<ListEscalationContacts, IReadOnlyList<EscalationContactRow>>
{
    public async ValueTask<IReadOnlyList<EscalationContactRow>> Handle(ListEscalationContacts query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.EscalationContacts.AsNoTracking()
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new
            {
                c.Id,
                c.CourtId,
                CourtName = db.Courts.Where(k => k.Id == c.CourtId).Select(k => k.Name).FirstOrDefault(),
                c.StreetId,
                StreetName = db.Streets.Where(s => s.Id == c.StreetId).Select(s => s.Name).FirstOrDefault(),
                c.UserId,
                u.UserName,
                u.DisplayName,
                u.IsDisabled,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .OrderBy(c => c.CourtId == null).ThenBy(c => c.CourtId).ThenBy(c => c.StreetId).ThenBy(c => c.DisplayName)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new EscalationContactRow(
                r.Id, r.CourtId, r.CourtName, r.StreetId, r.StreetName, r.UserId, r.UserName ?? "", r.DisplayName,
                Roles.All.Where(r.Roles.Contains).ToList(), r.IsDisabled))
            .ToList();
    }
}
