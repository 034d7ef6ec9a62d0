using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Dashboard;

/// <summary>
/// The dashboard's filter choices within the sender's scope: a judge picks among the court's
/// streets and judges; a coordinator among the courts and judges that refer matters to the street.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetDashboardFilterOptions : IQuery<DashboardFilterOptions>;

public sealed record DashboardFilterOptions(string ScopeName, DashboardScope Scope, IReadOnlyList<Choice> Courts, IReadOnlyList<Choice> Streets, IReadOnlyList<Choice> Judges)
{
    public bool IsJudge => Scope.CourtId is not null;
}

public sealed class GetDashboardFilterOptionsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetDashboardFilterOptions, DashboardFilterOptions>
{
    public async ValueTask<DashboardFilterOptions> Handle(GetDashboardFilterOptions query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var judgeRole = await db.Roles.Where(r => r.Name == Roles.Judge).Select(r => r.Id).SingleAsync(cancellationToken);
        var judges = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == judgeRole));
        if (me.IsInRole(Roles.Judge))
        {
            var court = await db.Courts.Where(c => c.Id == me.CourtId).Select(c => c.Name).SingleAsync(cancellationToken);
            var streets = await db.Streets.Where(s => s.CourtId == me.CourtId).OrderBy(s => s.Id)
                .Select(s => new Choice(s.Id.ToString(), s.Name)).ToListAsync(cancellationToken);
            var courtJudges = await judges.Where(u => u.CourtId == me.CourtId).OrderBy(u => u.DisplayName)
                .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
            return new DashboardFilterOptions(court, DashboardScope.Of(me), [], streets, courtJudges);
        }

        var street = await db.Streets.Where(s => s.Id == me.StreetId).Select(s => new { s.Name, s.CourtId }).SingleAsync(cancellationToken);
        var courts = await db.Courts.OrderBy(c => c.Id != street.CourtId).ThenBy(c => c.Id)
            .Select(c => new Choice(c.Id.ToString(), c.Name)).ToListAsync(cancellationToken);
        var allJudges = await judges.Where(u => u.CourtId != null).OrderBy(u => u.CourtId != street.CourtId).ThenBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        return new DashboardFilterOptions(street.Name, DashboardScope.Of(me), courts, [], allJudges);
    }
}
