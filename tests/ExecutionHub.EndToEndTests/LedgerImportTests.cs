using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class LedgerImportTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Coordinator_uploads_a_small_ledger_sees_the_preview_confirms_and_finds_the_imported_matter_in_the_list() =>
        OnPageAsync(async page =>
        {
            // A case number of the demo court no one has used, so the run can repeat on the same database.
            var caseNumber = $"(2025)沪0110执{Random.Shared.Next(800_000, 999_999).ToString(CultureInfo.InvariantCulture)}号";
            var received = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-10);
            string At(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            var csv = string.Join("\r\n",
                "case_number,matter_type,source,street,community,target_name,target_id_number,received_at,dispatched_at,fed_back_at,closed_at,outcome,notes",
                $"{caseNumber},whereabouts,court,平凉路街道,,周志强,,{At(received)},{At(received.AddHours(2))},{At(received.AddHours(30))},,found,已核实现住址",
                $"{caseNumber},asset_vehicle,court,平凉路街道,,周志强,,{At(received.AddHours(1))},,,,,车辆线索待核") + "\r\n";

            await SignInAsync(page, "coord.chen");
            await page.GotoAsync("/");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("nav-import-ledger").ClickAsync();
            await Expect(page.GetByTestId("import-title")).ToBeVisibleAsync();
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("import-empty")).ToBeVisibleAsync();

            // The page says what each column is, in Chinese beside its key, and leaves the judge to the coordinator.
            await Expect(page.GetByTestId("import-guide-key").First).ToHaveTextAsync("case_number");
            await Expect(page.GetByTestId("import-guide-name").First).ToHaveTextAsync("案号");
            await Expect(page.GetByTestId("import-guide-example").First).ToContainTextAsync("沪0110执1号");
            await Expect(page.GetByTestId("import-no-judge")).ToBeVisibleAsync();
            await page.GetByTestId("import-judge").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "李晓梅" }).ClickAsync();
            await Expect(page.GetByTestId("import-no-judge")).ToHaveCountAsync(0);

            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "平凉路台账.csv",
                MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes(csv),
            });

            // The preview: two rows to create, one new case, no errors, nothing saved yet.
            await Expect(page.GetByTestId("import-preview-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("import-matters")).ToContainTextAsync("2");
            await Expect(page.GetByTestId("import-cases")).ToContainTextAsync("1");
            await Expect(page.GetByTestId("import-error")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("周*强");

            await page.GetByTestId("import-confirm").ClickAsync();
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
            await Expect(page.GetByTestId("import-done")).ToContainTextAsync("新建 2 个事项");

            // The matter list finds both by the case number; the imported whereabouts matter is fed back.
            await page.GetByTestId("import-go-matters").ClickAsync();
            await WaitForCircuitAsync(page);
            await page.GetByTestId("matters-search").FillAsync(caseNumber);
            await page.GetByTestId("matters-search").PressAsync("Enter");
            await Expect(page.Locator("[data-testid^=matter-row-]")).ToHaveCountAsync(2);
        });
}
