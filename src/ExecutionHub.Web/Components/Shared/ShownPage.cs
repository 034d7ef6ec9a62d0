using System.Globalization;
using MudBlazor;

namespace ExecutionHub.Web.Components.Shared;

/// <summary>
/// The page of rows a list grid shows and which page it is (number, size, sort). A list page keeps it in a
/// <c>[PersistentState]</c> property, so it travels from the prerender into the circuit, and answers the grid from it
/// while the grid asks for that same page: the circuit's first render after the prerender and the grid's second ask
/// after its first render cost no query. A change of filter, a live change or a save drops it
/// (<see cref="ListGrid{T}"/> explains the asks).
/// </summary>
public sealed record ShownPage<TRow>(string Key, IReadOnlyList<TRow> Rows, int Total)
{
    public GridData<TRow> ToGridData() => new() { Items = Rows, TotalItems = Total };

    /// <summary>Which page the grid asks for: its number and size, and the sort the page made of the grid's sort definitions.</summary>
    public static string KeyOf(GridState<TRow> state, string sort = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{state.Page}/{state.PageSize}/{sort}");

    /// <summary>
    /// The rows for <paramref name="state"/>: from <paramref name="shown"/> when it is that page, else from
    /// <paramref name="load"/> (null when the read was refused: nothing is kept, the grid shows no rows).
    /// </summary>
    public static async Task<(ShownPage<TRow>? Shown, GridData<TRow> Data)> GetAsync(
        ShownPage<TRow>? shown, GridState<TRow> state, string sort, Func<Task<(IReadOnlyList<TRow> Rows, int Total)?>> load)
    {
        var key = KeyOf(state, sort);
        if (shown?.Key != key)
        {
            shown = await load() is { } page ? new ShownPage<TRow>(key, page.Rows, page.Total) : null;
        }

        return (shown, shown?.ToGridData() ?? new GridData<TRow> { Items = [], TotalItems = 0 });
    }
}
