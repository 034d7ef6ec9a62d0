using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>One page of a street's window visits, newest first, optionally of one purpose and within Shanghai calendar days.</summary>
[Allowed(Roles.Coordinator)]
public sealed record ListWindowVisits(int StreetId) : IQuery<WindowVisitList>, IStreetWindowRequest
{
    public VisitPurpose? Purpose { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

public sealed record WindowVisitList(IReadOnlyList<WindowVisitView> Rows, int Total);

public sealed class ListWindowVisitsValidator : AbstractValidator<ListWindowVisits>
{
    public ListWindowVisitsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(0);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
    }
}

public sealed class ListWindowVisitsHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<ListWindowVisits, WindowVisitList>
{
    public async ValueTask<WindowVisitList> Handle(ListWindowVisits query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visits = db.WindowVisits.Where(v => v.StreetId == query.StreetId);
        if (query.Purpose is { } purpose)
        {
            visits = visits.Where(v => v.Purpose == purpose);
        }

        if (query.From is { } from)
        {
            var start = LocalDay.StartUtc(from);
            visits = visits.Where(v => v.VisitedAtUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = LocalDay.StartUtc(to.AddDays(1));
            visits = visits.Where(v => v.VisitedAtUtc < end);
        }

        var total = await visits.CountAsync(cancellationToken);
        var page = visits.OrderByDescending(v => v.VisitedAtUtc).ThenByDescending(v => v.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize);
        return new WindowVisitList(await WindowVisitViews.LoadAsync(db, page, cancellationToken), total);
    }
}
