using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ExecutionHub.Web.Components.Shared;

/// <summary>
/// A server-paged <see cref="MudDataGrid{T}"/> that asks for its first page before its first render instead of after
/// it, so the prerendered HTML carries the rows and a page opened inside a tab shows them in its first render, one
/// round trip sooner. Pair it with <see cref="ShownPage{TRow}"/> in the page's <c>ServerData</c>: the ask the grid
/// still makes after its first render, and the circuit's first render after a prerender, are then answered without
/// a second query.
/// </summary>
[CascadingTypeParameter(nameof(T))]
public class ListGrid<T> : MudDataGrid<T>
{
    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await ReloadServerData();
    }
}
