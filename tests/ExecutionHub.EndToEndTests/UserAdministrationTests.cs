using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class UserAdministrationTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Administrator_creates_a_grid_worker_and_sees_it_in_the_grid() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "admin");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
            await page.GotoAsync("/admin/users");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("user-row-coord.chen")).ToBeVisibleAsync();

            await page.GetByTestId("user-new").ClickAsync();
            await page.GetByTestId("user-username").FillAsync("grid.e2e");
            await page.GetByTestId("user-displayname").FillAsync("吴端");
            await ChooseAsync(page, "user-role", "网格员");
            await ChooseAsync(page, "user-grid", "平凉一居委 · 平凉一居委第2网格");
            // Typed only once the grid's choice has come back from the server, and checked before saving: under load a
            // render of the choice arriving after the typing could otherwise leave the field empty.
            var password = page.GetByTestId("user-password");
            await password.FillAsync("Browser#Made2026");
            await Expect(password).ToHaveValueAsync("Browser#Made2026");
            await page.GetByTestId("user-dialog-save").ClickAsync();

            await Expect(page.GetByText("已保存。")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("user-dialog")).ToHaveCountAsync(0);
            var row = page.Locator("tr", new PageLocatorOptions { Has = page.GetByTestId("user-row-grid.e2e") });
            await Expect(row).ToContainTextAsync("吴端");
            await Expect(row).ToContainTextAsync("平凉一居委 · 平凉一居委第2网格");
        });
}
