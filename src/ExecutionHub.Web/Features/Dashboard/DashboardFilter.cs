using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using ExecutionHub.Web.Infrastructure.Auth;

namespace ExecutionHub.Web.Features.Dashboard;

public enum DashboardPeriod
{
    ThisWeek = 1,
    ThisMonth = 2,
    ThisQuarter = 3,
    SinceOpened = 4,
    Custom = 5,
}

/// <summary>
/// What the dashboard is looking at: a period of Asia/Shanghai days and optional filters. The
/// sender's own scope (a judge's court, a coordinator's street) is never part of the filter: the
/// handlers add it from who is signed in, so a filter cannot widen what a user sees.
/// </summary>
public sealed record DashboardFilter(
    [property: FieldLabel("Dashboard.Period")] DashboardPeriod Period = DashboardPeriod.ThisMonth,
    DateOnly? From = null,
    DateOnly? To = null,
    int? CourtId = null,
    int? StreetId = null,
    string? JudgeId = null,
    [property: FieldLabel("Matter.Type")] MatterType? Type = null)
{
    /// <summary>The first and last day of the period, both included; a null first day means "since the workstation opened".</summary>
    public (DateOnly? First, DateOnly Last) Days(DateOnly today)
    {
        return Period switch
        {
            DashboardPeriod.ThisWeek => (LocalDay.WeekStart(today), today),
            DashboardPeriod.ThisMonth => (new DateOnly(today.Year, today.Month, 1), today),
            DashboardPeriod.ThisQuarter => (LocalDay.QuarterStart(today), today),
            DashboardPeriod.Custom => (From ?? today, To ?? today),
            _ => (null, today),
        };
    }
}

/// <summary>The part of the matters a dashboard user may count: a judge's (or an API client's) court, a coordinator's street.</summary>
public sealed record DashboardScope(int? CourtId, int? StreetId)
{
    public static DashboardScope Of(UserContext user) => user.IsInRole(Roles.Judge) || user.IsApiClient
        ? new DashboardScope(user.CourtId ?? -1, null)
        : new DashboardScope(null, user.StreetId ?? -1);
}

public static class DashboardQueries
{
    /// <summary>
    /// The sender's scope and the filter's court, street, judge and type, of matters or of their tallies (not the
    /// period: each figure picks its own day column).
    /// </summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> matters, DashboardScope scope, DashboardFilter filter)
        where T : class, IMatterDimensions
    {
        if (scope.CourtId is { } court)
        {
            matters = matters.Where(m => m.CourtId == court);
        }

        if (scope.StreetId is { } street)
        {
            matters = matters.Where(m => m.StreetId == street);
        }

        if (filter.CourtId is { } courtFilter && scope.CourtId is null)
        {
            matters = matters.Where(m => m.CourtId == courtFilter);
        }

        if (filter.StreetId is { } streetFilter && scope.StreetId is null)
        {
            matters = matters.Where(m => m.StreetId == streetFilter);
        }

        if (!string.IsNullOrEmpty(filter.JudgeId))
        {
            matters = matters.Where(m => m.JudgeId == filter.JudgeId);
        }

        if (filter.Type is { } type)
        {
            matters = matters.Where(m => m.Type == type);
        }

        return matters;
    }

    public static IQueryable<Matter> FedBackBetween(this IQueryable<Matter> matters, DateOnly? first, DateOnly last)
    {
        var lastDay = last.DayNumber;
        if (first is { } from)
        {
            var firstDay = from.DayNumber;
            return matters.Where(m => m.FirstFedBackOn >= firstDay && m.FirstFedBackOn <= lastDay);
        }

        return matters.Where(m => m.FirstFedBackOn != null && m.FirstFedBackOn <= lastDay);
    }

    public static IQueryable<Matter> ReceivedBetween(this IQueryable<Matter> matters, DateOnly? first, DateOnly last)
    {
        var lastDay = last.DayNumber;
        var firstDay = first?.DayNumber ?? 0;
        return matters.Where(m => m.ReceivedOn >= firstDay && m.ReceivedOn <= lastDay);
    }
}
