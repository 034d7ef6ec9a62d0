using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class NotificationTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_matter_becoming_overdue_raises_the_bell_in_every_open_browser_of_the_coordinator() =>
        OnPageAsync(async first =>
        {
            // Whatever the demo data already has due is fired first (the app's own minutely sweep
            // may do it too), so the count below moves only for the matter this test makes overdue.
            await RunSweepAsync();
            await SignInAsync(first, "coord.chen");
            await WaitForCircuitAsync(first);
            await OnPageAsync(async second =>
            {
                await SignInAsync(second, "coord.chen");
                await WaitForCircuitAsync(second);
                var before = await UnreadAsync("coord.chen");
                await Expect(first.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-unread", before.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await Expect(second.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-unread", before.ToString(System.Globalization.CultureInfo.InvariantCulture));

                var reference = await MakeAMatterOverdueAsync();
                await RunSweepAsync();

                var after = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Expect(first.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-unread", after);
                await Expect(second.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-unread", after);

                await second.GetByTestId("notification-bell").ClickAsync();
                await Expect(second.GetByTestId("notification-item").First).ToContainTextAsync(reference);
            });
        });

    /// <summary>An open matter of 平凉路街道 whose due time has just passed, its due-soon alert already given.</summary>
    private async Task<string> MakeAMatterOverdueAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var matter = await db.Matters
            .Where(m => m.Status == MatterStatus.Registered && m.PausedAtUtc == null && m.DueAtUtc > now && db.Streets.Any(s => s.Id == m.StreetId && s.Name == "平凉路街道"))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Reference }).FirstAsync();
        // The row as if the clock had run on: due a minute ago, the due-soon alert given.
        var due = now.AddMinutes(-1);
        await db.Matters.Where(m => m.Id == matter.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAtUtc, due).SetProperty(m => m.AlertStage, 1).SetProperty(m => m.NextAlertAtUtc, due));
        return matter.Reference;
    }

    private async Task<int> UnreadAsync(string userName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.ReadAtUtc == null && db.Users.Any(u => u.Id == n.RecipientId && u.UserName == userName));
    }

    private async Task RunSweepAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
    }
}
