using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>A street officer's round: statistics for a period, the street's risk warnings, then the published portrait as a Word document.</summary>
[Collection(AppCollection.Name)]
public sealed class StreetOfficerJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_street_officer_opens_statistics_changes_the_period_acknowledges_a_warning_and_downloads_the_portrait_docx() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "street.huang");
            await WaitForCircuitAsync(page);
            var openWarnings = page.GetByTestId("street-open-warnings-value");
            await Expect(openWarnings).Not.ToHaveTextAsync("—");
            Assert.True(int.Parse(await openWarnings.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1, "the demo street has an open warning");

            await page.GetByTestId("nav-statistics").ClickAsync();
            await Expect(page.GetByTestId("statistics-scope")).ToContainTextAsync("平凉路街道");
            var tables = page.GetByTestId("statistics-tables");
            var thisMonth = await tables.GetAttributeAsync("data-period");
            await page.GetByTestId("statistics-period").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText("本季度", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
            await Expect(tables).Not.ToHaveAttributeAsync("data-period", thisMonth!);

            await page.GetByTestId("nav-warnings").ClickAsync();
            await Expect(page.GetByTestId("warnings-title")).ToHaveTextAsync("风险预警");
            var fresh = page.Locator("[data-testid=warning-row]:has([data-state=New])").First;
            await Expect(fresh).ToBeVisibleAsync();
            await Expect(page.GetByTestId("warnings-list")).Not.ToContainTextAsync("宏盛");
            await fresh.GetByTestId("warning-link").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/warnings/[0-9]+$"));
            await Expect(page.GetByTestId("warning-detail").GetByTestId("warning-evidence")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("warning-action")).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId("warning-respondent")).ToHaveCountAsync(0);
            await page.GetByTestId("warning-move-Acknowledged").ClickAsync();
            await page.Locator("textarea[data-testid=warning-move-note], [data-testid=warning-move-note] textarea").FillAsync("已阅，转综治中心研判");
            await page.GetByTestId("warning-move-confirm").ClickAsync();

            await Expect(page.GetByTestId("warning-state")).ToHaveAttributeAsync("data-state", "Acknowledged");
            await Expect(page.GetByTestId("warning-history")).ToContainTextAsync("黄伟");
            await Expect(page.GetByTestId("warning-history")).ToContainTextAsync("已阅，转综治中心研判");
            await Expect(page.GetByTestId("warning-move-InHand")).ToBeVisibleAsync();

            await page.GetByTestId("nav-reports").ClickAsync();
            await page.Locator("[data-testid=report-row][data-state=Published]").First.ClickAsync();
            await Expect(page.GetByTestId("report-state")).ToHaveTextAsync("已发布");
            var title = (await page.GetByTestId("report-title").InnerTextAsync()).Trim();
            var casesTotal = (await page.GetByTestId("stat-by-community").Locator("tr.stat-total td").First.InnerTextAsync()).Trim();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-docx").ClickAsync());

            Assert.Equal(title + ".docx", download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx");
            await download.SaveAsAsync(path);
            try
            {
                using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
                Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document));
                var body = document.MainDocumentPart!.Document!.Body!;
                Assert.Contains(title, body.InnerText, StringComparison.Ordinal);
                Assert.Contains("五、风险预警", body.InnerText, StringComparison.Ordinal);
                Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>(),
                    row => row.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).Take(2).SequenceEqual(["合计", casesTotal]));
            }
            finally
            {
                File.Delete(path);
            }
        });
}
