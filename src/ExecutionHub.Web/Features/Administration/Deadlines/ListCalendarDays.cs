using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>The working calendar's exceptions in one year: its public holidays and make-up working days.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListCalendarDays(int Year) : IQuery<CalendarYear>;

/// <param name="YearsWithDays">Every year that has entries, for the year selector.</param>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDayRow> Days, IReadOnlyList<int> YearsWithDays);

public sealed record CalendarDayRow(DateOnly Date, CalendarDayKind Kind, string Name);

public sealed class ListCalendarDaysValidator : AbstractValidator<ListCalendarDays>
{
    public ListCalendarDaysValidator() => RuleFor(x => x.Year).InclusiveBetween(CalendarYears.First, CalendarYears.Last);
}

public sealed class ListCalendarDaysHandler(IDbContextFactory<AppDbContext> dbFactory)
    : IQueryHandler<ListCalendarDays, CalendarYear>
{
    public async ValueTask<CalendarYear> Handle(ListCalendarDays query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (from, to) = CalendarYears.Range(query.Year);
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date <= to)
            .OrderBy(d => d.Date)
            .Select(d => new CalendarDayRow(d.Date, d.Kind, d.Name))
            .ToListAsync(cancellationToken);

        // Dates are stored as yyyy-MM-dd text; the distinct years of a few hundred rows are cheap to find here.
        var years = (await db.CalendarDays.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken))
            .Select(d => d.Year).Distinct().Order().ToList();
        return new CalendarYear(query.Year, days, years);
    }
}

/// <summary>The years the working calendar may hold.</summary>
public static class CalendarYears
{
    public const int First = 2000;
    public const int Last = 2100;

    public static (DateOnly From, DateOnly To) Range(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
