using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed partial class ExportTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Should_download_the_filtered_matter_list_as_an_xlsx_holding_the_rows_on_screen_and_naming_the_filters() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "coord.chen");
            await page.GotoAsync("/matters?overdue=true");
            await WaitForCircuitAsync(page);
            var rowsOnScreen = page.Locator("[data-testid^=matter-row-]");
            await Expect(rowsOnScreen.First).ToBeVisibleAsync();
            var references = await rowsOnScreen.AllInnerTextsAsync();

            await page.GetByTestId("export-button").ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());

            Assert.Matches(FileName(), download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
            await download.SaveAsAsync(path);
            try
            {
                var rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
                Assert.Equal("事项清单", rows[0][0]);
                Assert.Equal("街道：平凉路街道", rows[1][0]);
                Assert.Equal("仅超期：是", rows[2][0]);
                Assert.Equal("事项编号", rows[5][0]);
                var exported = rows.Skip(6).Select(r => (string)r[0]!).ToList();
                // The screen shows one page of 25; the file holds every page of the same filter, in the same order.
                Assert.Equal(references, exported.Take(references.Count));
                Assert.True(references.Count == 25 || exported.Count == references.Count);
            }
            finally
            {
                File.Delete(path);
            }
        });

    [GeneratedRegex(@"^事项清单_平凉路街道_仅超期_\d{4}-\d{2}-\d{2}\.xlsx$")]
    private static partial Regex FileName();
}
