using System.Globalization;
using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// A hand-off rings its receiver's bell in a browser already open, without a reload, and the bell
/// takes them where they act; SMS for each kind is turned off on 我的通知设置, reached from the user menu.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class HandOffBellTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>Two seconds promised, plus one for a shared test machine; started once the coordinator's dispatch has landed.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 3_000 };

    [Fact]
    public Task Should_light_the_grid_workers_bell_within_two_seconds_of_the_coordinators_dispatch_and_take_them_to_the_task() =>
        OnPageAsync(async worker =>
        {
            var (matterId, reference) = await App.AddRegisteredMatterAsync("ZX-BELL");
            await SignInAsync(worker, "grid.liu");
            await WaitForCircuitAsync(worker);
            var bell = worker.GetByTestId("notification-bell");
            var before = await UnreadAsync("grid.liu");
            await Expect(bell).ToHaveAttributeAsync("data-unread", Count(before));

            await OnPageAsync(async coordinator =>
            {
                await SignInAsync(coordinator, "coord.chen");
                await coordinator.GotoAsync($"/matters/{matterId}");
                await WaitForCircuitAsync(coordinator);
                await coordinator.GetByTestId("action-dispatch").ClickAsync();
                await coordinator.GetByTestId("dispatch-candidate-刘建国").ClickAsync();
                await coordinator.GetByTestId("dispatch-confirm").ClickAsync();
                await Expect(coordinator.GetByTestId("matter-status")).ToHaveTextAsync("已分派");

                await Expect(bell).ToHaveAttributeAsync("data-unread", Count(before + 1), Live);
            });

            await bell.ClickAsync();
            var item = worker.GetByTestId("notification-item").First;
            await Expect(item).ToContainTextAsync($"新核查任务：{reference}");
            await item.ClickAsync();
            await Expect(worker).ToHaveURLAsync(TaskUrl());
            await Expect(worker.GetByTestId("finding-submit")).ToBeVisibleAsync();
        });

    [Fact]
    public Task Should_let_a_grid_worker_turn_an_sms_kind_off_from_the_user_menu_with_the_keyboard_alone() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "grid.sun");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("user-menu-button").ClickAsync();
            await page.GetByTestId("user-notification-settings").ClickAsync();
            await Expect(page).ToHaveURLAsync(SettingsUrl());
            await Expect(page.GetByTestId("notification-settings-title")).ToHaveTextAsync("我的通知设置");
            await WaitForCircuitAsync(page);
            var paused = page.Locator("input[data-testid=sms-MatterPaused], [data-testid=sms-MatterPaused] input");
            var wasOn = await paused.IsCheckedAsync();

            await paused.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await Expect(paused).ToBeCheckedAsync(new() { Checked = !wasOn });
            // The worker's last kind (恢复计时), then 保存.
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByTestId("notification-settings-save")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("通知设置已保存");

            await page.ReloadAsync();
            await WaitForCircuitAsync(page);
            await Expect(paused).ToBeCheckedAsync(new() { Checked = !wasOn });
        });

    private static string Count(int unread) => unread.ToString(CultureInfo.InvariantCulture);

    private async Task<int> UnreadAsync(string userName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.ReadAtUtc == null && db.Users.Any(u => u.Id == n.RecipientId && u.UserName == userName));
    }

    [GeneratedRegex(@"/tasks/\d+$")]
    private static partial Regex TaskUrl();

    [GeneratedRegex("/account/notifications$")]
    private static partial Regex SettingsUrl();
}
