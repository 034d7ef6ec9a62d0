using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>One window visit for its page; the visitor masked.</summary>
[Allowed(Roles.Coordinator)]
public sealed record GetWindowVisit(int VisitId) : IQuery<WindowVisitView>, IWindowVisitRequest;

public sealed class GetWindowVisitHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetWindowVisit, WindowVisitView>
{
    public async ValueTask<WindowVisitView> Handle(GetWindowVisit query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var views = await WindowVisitViews.LoadAsync(db, db.WindowVisits.Where(v => v.Id == query.VisitId), cancellationToken);
        return views.SingleOrDefault() ?? throw new NotFoundException($"Window visit {query.VisitId}");
    }
}
