using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Matters;

/// <summary>
/// A page open on a demo matter of 平凉路街道 dispatched to grid.liu, while others change it. Their
/// changes are saved straight to the database, as their own circuits would save them: the signed-in
/// user of the page's queries stays the page's.
/// </summary>
public abstract class LivePageTest : BunitTestBase, IAsyncLifetime
{
    /// <summary>What users were promised: another person's change shows within two seconds.</summary>
    protected static readonly TimeSpan Live = TimeSpan.FromSeconds(2);

    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected TestApp App { get; private set; } = default!;

    protected WorkflowScenario Scenario { get; private set; } = default!;

    protected AsyncServiceScope Scope { get; private set; }

    protected DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    async Task IAsyncLifetime.InitializeAsync()
    {
        App = await TestApp.CreateAsync(demoData: true);
        Scenario = await WorkflowScenario.ReferAsync(App);
        await Scenario.AcceptAsync();
        await Scenario.DispatchToAsync("grid.liu");
        Scope = App.Services.CreateAsyncScope();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Scope.DisposeAsync();
        await App.DisposeAsync();
    }

    /// <summary>Someone else's change to a matter and its tasks.</summary>
    protected async Task ChangeMatterAsync(int matterId, Action<Matter> change)
    {
        await using var db = await App.DbAsync();
        var matter = await db.Matters.Include(m => m.Tasks).SingleAsync(m => m.Id == matterId);
        change(matter);
        await db.SaveChangesAsync();
    }

    protected static MatterChange ChangeOf(int matterId) =>
        MatterChange.Of(new HashSet<int>(), new HashSet<int>(), new HashSet<int> { matterId }, new HashSet<string>(), new HashSet<int>(), new HashSet<int>());

    protected static string TextOf(AngleSharp.Dom.IElement field) => field.GetAttribute("value") ?? field.TextContent;
}
