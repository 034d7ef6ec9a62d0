using System.Globalization;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Tests.Features.Statistics;

/// <summary>A statistics table as its screen writes it, one line per row: "东居委 | 8 | 155,000.00 | …".</summary>
public static class StatisticsText
{
    public static readonly IStringLocalizer Localizer = new ResourceLocalizer();

    public static string[] Rows(StatTable table) => table.Rows
        .Select(row => string.Join(" | ", row.Cells.Select((cell, i) => cell.Format(row.MeasureIn(table.Columns[i]), CultureInfo.InvariantCulture)).Prepend(row.Label.Localize(Localizer))))
        .ToArray();

    public static string[] Headers(StatTable table) => table.Columns.Select(c => c.Header.Localize(Localizer)).ToArray();

    /// <summary>The app's resources in the current UI language, for labels outside a component.</summary>
    private sealed class ResourceLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, UiText.Get(name), UiText.Find(name) is null);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.CurrentCulture, UiText.Get(name), arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
