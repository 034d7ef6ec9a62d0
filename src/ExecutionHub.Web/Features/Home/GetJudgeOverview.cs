using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Features.Matters;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Home;

/// <summary>The signed-in judge's cases and the latest matters of their court.</summary>
[Allowed(Roles.Judge)]
public sealed record GetJudgeOverview : IQuery<JudgeOverview>;

public sealed record JudgeOverview(string CourtName, int MyCases, int MyCasesInExecution, int OpenMattersOfMyCases, IReadOnlyList<MatterSummary> RecentMatters);

public sealed class GetJudgeOverviewHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetJudgeOverview, JudgeOverview>
{
    public async ValueTask<JudgeOverview> Handle(GetJudgeOverview query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var courtName = await db.Courts.Where(c => c.Id == me.CourtId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var myCases = db.Cases.Where(c => c.CourtId == me.CourtId && c.JudgeId == me.Id);
        var myMatters = db.Matters.Where(m => m.CourtId == me.CourtId && m.JudgeId == me.Id);
        var recent = await myMatters.LatestAsync(8, cancellationToken);
        return new JudgeOverview(
            courtName,
            await myCases.CountAsync(cancellationToken),
            await myCases.CountAsync(c => c.Status == CaseStatus.InExecution, cancellationToken),
            await myMatters.Open().CountAsync(cancellationToken),
            recent);
    }
}
