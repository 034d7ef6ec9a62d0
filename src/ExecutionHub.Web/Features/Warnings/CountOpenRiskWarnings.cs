using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>How many of the sender's street's warnings are not closed yet (the home page's figure).</summary>
[Allowed(Roles.StreetOfficer, Roles.Coordinator)]
public sealed record CountOpenRiskWarnings : IQuery<int>;

public sealed class CountOpenRiskWarningsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<CountOpenRiskWarnings, int>
{
    public async ValueTask<int> Handle(CountOpenRiskWarnings query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RiskWarnings.CountAsync(w => w.StreetId == me.StreetId && w.State != WarningState.Closed, cancellationToken);
    }
}
