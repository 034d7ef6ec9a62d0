using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed partial class StatisticsTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_street_officer_opens_statistics_changes_the_period_and_downloads_a_table_as_xlsx() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "street.huang");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("nav-statistics").ClickAsync();
            await Expect(page.GetByTestId("statistics-title")).ToHaveTextAsync("街道涉执统计");
            await Expect(page.GetByTestId("statistics-scope")).ToContainTextAsync("平凉路街道");
            var tables = page.GetByTestId("statistics-tables");
            var thisMonth = await tables.GetAttributeAsync("data-period");

            await page.GetByTestId("statistics-period").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText("本年", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
            await Expect(tables).Not.ToHaveAttributeAsync("data-period", thisMonth!);
            await Expect(tables).ToHaveAttributeAsync("data-period", YearToDate());

            var table = page.GetByTestId("stat-by-community");
            var onScreen = await ScreenRowsAsync(table);
            await table.GetByTestId("export-button").ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());

            Assert.Matches(FileName(), download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
            await download.SaveAsAsync(path);
            try
            {
                var rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
                Assert.Equal("按社区", rows[0][0]);
                Assert.Equal("街道：平凉路街道", rows[1][0]);
                Assert.StartsWith("统计期：本年 ", (string)rows[2][0]!);
                var header = rows.FindIndex(r => Equals(r[0], "社区"));
                var inFile = rows.Skip(header + 1).ToList();
                Assert.Equal(onScreen.Count, inFile.Count);
                for (var r = 0; r < onScreen.Count; r++)
                {
                    Assert.Equal(onScreen[r].Count, inFile[r].Length);
                    Assert.All(onScreen[r].Zip(inFile[r]), pair => Assert.True(Same(pair.First, pair.Second), $"row {r}: screen {pair.First}, file {pair.Second}"));
                }
            }
            finally
            {
                File.Delete(path);
            }
        });

    [Fact]
    public Task The_statistics_fit_a_phone_screen() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "judge.wang");
            await page.GotoAsync("/statistics");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("stat-heat")).ToBeVisibleAsync();
            await AssertFitsTheScreenAsync(page, "statistics-phone");
        }, new ViewportSize { Width = 390, Height = 844 });

    /// <summary>Each row as the screen writes it, thousands separators taken out so numbers compare with the file's.</summary>
    private static async Task<List<List<string>>> ScreenRowsAsync(ILocator table)
    {
        var rows = table.Locator("tbody tr");
        var result = new List<List<string>>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("th, td").AllInnerTextsAsync();
            result.Add(cells.Select(c => c.Trim().Replace(",", "", StringComparison.Ordinal)).ToList());
        }

        return result;
    }

    /// <summary>A number in the file is the number on screen; anything else ("&lt;3", "*", a rate, a name) is the same text.</summary>
    private static bool Same(string screen, object? file) => file switch
    {
        double or decimal or int or long => decimal.TryParse(screen, System.Globalization.CultureInfo.InvariantCulture, out var shown)
            && shown == Convert.ToDecimal(file, System.Globalization.CultureInfo.InvariantCulture),
        _ => screen == (file?.ToString() ?? ""),
    };

    private static string YearToDate()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return $"{today.Year}-01-01~{today:yyyy-MM-dd}";
    }

    [GeneratedRegex(@"^按社区_平凉路街道_\d{4}-01-01~\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$")]
    private static partial Regex FileName();
}
