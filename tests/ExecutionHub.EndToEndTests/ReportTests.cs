using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class ReportTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_street_officer_opens_the_published_portrait_and_downloads_it_as_a_valid_word_document_with_its_figures() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "street.huang");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("nav-reports").ClickAsync();
            await Expect(page.GetByTestId("reports-title")).ToBeVisibleAsync();

            // The seeded draft is the coordinator's working copy: a street officer sees the published portrait only.
            var rows = page.GetByTestId("report-row");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First).ToHaveAttributeAsync("data-state", "Published");
            await rows.First.ClickAsync();

            await Expect(page.GetByTestId("report-state")).ToHaveTextAsync("已发布");
            await Expect(page.GetByTestId("report-regenerate")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("report-publish")).ToHaveCountAsync(0);
            var title = (await page.GetByTestId("report-title").InnerTextAsync()).Trim();
            Assert.Contains("平凉路街道", title, StringComparison.Ordinal);
            var communityTotal = await page.GetByTestId("stat-by-community").Locator("tr.stat-total td").First.InnerTextAsync();
            var suggestions = await page.GetByTestId("report-suggestions").InnerTextAsync();
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "report-published.png") });

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-docx").ClickAsync());

            Assert.Equal(title + ".docx", download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx");
            await download.SaveAsAsync(path);
            try
            {
                using var document = WordprocessingDocument.Open(path, false);
                Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
                var body = document.MainDocumentPart!.Document!.Body!;
                Assert.Contains(title, body.InnerText, StringComparison.Ordinal);
                Assert.Contains(suggestions.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0], body.InnerText, StringComparison.Ordinal);

                // The community table's total row in the file is the one on the screen.
                var totals = body.Elements<Table>().SelectMany(t => t.Elements<TableRow>())
                    .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())
                    .Where(cells => cells[0] == "合计").ToList();
                Assert.Contains(totals, cells => cells[1] == communityTotal.Trim());
            }
            finally
            {
                File.Delete(path);
            }
        });

    [Fact]
    public Task The_report_fits_a_phone_screen_and_prints_without_navigation() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "coord.chen");
            await page.GotoAsync("/reports");
            await WaitForCircuitAsync(page);
            await page.Locator("[data-testid=report-row][data-state=Draft]").First.ClickAsync();
            await Expect(page.GetByTestId("report-regenerate")).ToBeVisibleAsync();
            await AssertFitsTheScreenAsync(page, "report-phone");

            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await Expect(page.GetByTestId("report-actions")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("nav-menu")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("report-section-overview")).ToBeVisibleAsync();
        }, new ViewportSize { Width = 390, Height = 844 });
}
