using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Export;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>
/// Every matter the list shows for a filter, in the list's order and masked as on screen, for the
/// export menu: the rows paging through <see cref="ListMatters"/> would give, at most <see cref="Limit"/>.
/// Allowed to whoever may list matters, within the same scope.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record ExportMatters : IQuery<MatterExport>
{
    /// <summary>A file larger than this is a sign the filter is wrong, and would hold the circuit for too long.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The list's filter and sort; its page and page size are ignored.</summary>
    public required ListMatters Filter { get; init; }

    public int Limit { get; init; } = MaxRows;
}

/// <param name="Total">How many matters the filter finds; more than the rows when the limit cut the export short.</param>
/// <param name="AsOfUtc">When the rows were read.</param>
public sealed record MatterExport(IReadOnlyList<MatterRow> Rows, int Total, DateTime AsOfUtc)
{
    public bool Capped => Rows.Count < Total;
}

public sealed class ExportMattersValidator : AbstractValidator<ExportMatters>
{
    public ExportMattersValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new ListMattersValidator());
        RuleFor(x => x.Limit).InclusiveBetween(1, ExportMatters.MaxRows);
    }
}

public sealed class ExportMattersHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ExportMatters, MatterExport>
{
    public async ValueTask<MatterExport> Handle(ExportMatters query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var list = await MatterList.ReadAsync(db, me, now, query.Filter, 0, query.Limit, cancellationToken);
        return new MatterExport(list.Rows, list.Total, now);
    }
}

/// <summary>An export of the matter list as the list shows it: the same columns, and its filters by their on-screen names.</summary>
public static class MatterExportTable
{
    /// <param name="options">The filter choices the page offers, to name the chosen street and assignee.</param>
    /// <param name="coordinator">A coordinator's list has no street column: the street is theirs, and the file says which.</param>
    public static ExportTable Create(MatterExport export, ListMatters filter, MatterFilterOptions? options, bool coordinator, IStringLocalizer localizer)
    {
        List<string> headers = [localizer["Matter.Reference"], localizer["Case.Number"], localizer["Matter.Type"], localizer["Matters.Status"], localizer["Matter.Target"]];
        if (!coordinator)
        {
            headers.Add(localizer["Matters.Street"]);
        }

        headers.AddRange([localizer["Matter.ReceivedAt"], localizer["Matter.DueAt"], localizer["Matters.OpenTasks"]]);
        var rows = export.Rows.Select(row =>
        {
            List<object?> cells = [row.Reference, row.CaseNumber, localizer[$"MatterType.{row.Type}"].Value, Status(row, localizer), row.Target];
            if (!coordinator)
            {
                cells.Add(row.StreetName);
            }

            cells.AddRange([row.ReceivedAtUtc, row.DueAtUtc, row.OpenTasks]);
            return (IReadOnlyList<object?>)cells;
        }).ToList();

        return new ExportTable
        {
            Title = localizer["Matters.ExportTitle"],
            Filters = Filters(filter, options, coordinator, localizer),
            ExportedAtUtc = export.AsOfUtc,
            Headers = headers,
            Rows = rows,
            Notes = export.Capped ? [localizer["Export.Capped", export.Rows.Count, export.Total]] : [],
        };
    }

    /// <summary>The filters in the order they matter to a reader, most telling first, since that order names the file.</summary>
    public static IReadOnlyList<ExportFilter> Filters(ListMatters filter, MatterFilterOptions? options, bool coordinator, IStringLocalizer localizer)
    {
        var filters = new List<ExportFilter>();
        var street = coordinator
            ? options?.Streets.FirstOrDefault()?.Name
            : filter.StreetId is { } streetId ? options?.Streets.FirstOrDefault(s => s.Id == streetId.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Name : null;
        if (street is not null)
        {
            filters.Add(new ExportFilter(localizer["Matters.Street"], street));
        }

        if (filter.Type is { } type)
        {
            filters.Add(new ExportFilter(localizer["Matter.Type"], localizer[$"MatterType.{type}"]));
        }

        if (filter.Statuses.Count > 0)
        {
            filters.Add(new ExportFilter(localizer["Matters.Status"], string.Join(localizer["Common.ListSeparator"], filter.Statuses.Select(s => localizer[$"MatterStatus.{s}"].Value))));
        }

        if (!string.IsNullOrEmpty(filter.AssigneeId))
        {
            filters.Add(new ExportFilter(localizer["Matters.Assignee"], options?.Assignees.FirstOrDefault(a => a.Id == filter.AssigneeId)?.Name ?? filter.AssigneeId));
        }

        if (filter.WorkingGroupId is { } groupId)
        {
            var id = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            filters.Add(new ExportFilter(localizer["Groups.Group"], options?.Groups?.FirstOrDefault(g => g.Id == id)?.Name ?? id));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            filters.Add(new ExportFilter(localizer["Common.Search"], filter.Search.Trim()));
        }

        if (filter.OverdueOnly)
        {
            filters.Add(ExportFilter.Switch(localizer["Matters.OverdueOnly"]));
        }

        if (filter.DueWithinDay)
        {
            filters.Add(ExportFilter.Switch(localizer["Matters.DueWithinDay"]));
        }

        if (filter.MineOnly)
        {
            filters.Add(ExportFilter.Switch(localizer["Matters.MineOnly"]));
        }

        return filters;
    }

    private static string Status(MatterRow row, IStringLocalizer localizer) => row.IsPaused
        ? $"{localizer[$"MatterStatus.{row.Status}"]} · {localizer["Matters.Paused"]}"
        : localizer[$"MatterStatus.{row.Status}"];
}
