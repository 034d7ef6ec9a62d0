using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// Every list page on a 1366 px laptop and a 390 px phone: the page never scrolls sideways, no table scrolls or clips
/// sideways inside it, and the columns a user acts on (the matter list's reference, target, status and due time with
/// its countdown; a task's due time) are on screen.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ListLayoutTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app)
{
    private const int Laptop = 1366;
    private const int Phone = 390;

    /// <summary>The list pages each demo role reaches, with what shows the page has loaded its rows.</summary>
    private static readonly Dictionary<string, ListPage[]> PagesOf = new()
    {
        ["coord.chen"] =
        [
            new("/matters", "[data-testid^='matter-row-']", Column("事项编号"), Column("对象"), Column("状态"), Column("反馈期限"), Countdown),
            new("/cases", "[data-testid=case-row-link]", Column("案号")),
            new("/cases", "[data-testid=case-number]") { Open = "[data-testid=case-row-link]" },
            new("/window", "[data-testid=window-grid] [data-testid$='-name'], [data-testid=window-empty]", Column("来访人"), Column("事由"), Column("事项")),
            new("/warnings", "[data-testid=warning-row], [data-testid=warnings-empty]"),
            new("/meetings", "[data-testid=meeting-row], [data-testid=meetings-empty]"),
            new("/meetings/actions", "[data-testid=action-items], [data-testid=action-items-empty]", Column("完成期限")),
            new("/reports", "[data-testid=report-row], [data-testid=reports-empty]"),
            new("/statistics", "[data-testid=stat-grid]", "[data-testid=stat-grid] th:visible:has-text('合计')"),
            new("/imports/ledger", "[data-testid=import-empty]"),
            new("/groups", "[data-testid=group-members], [data-testid=group-no-members]"),
            new("/admin/organisation", "[data-testid=org-court]"),
            new("/", "[data-testid=home-title]"),
        ],
        ["judge.wang"] =
        [
            new("/matters", "[data-testid^='matter-row-']", Column("事项编号"), Column("对象"), Column("状态"), Column("反馈期限"), Countdown),
            new("/cases", "[data-testid=case-row-link]", Column("案号")),
            new("/cases", "[data-testid=case-number]") { Open = "[data-testid=case-row-link]" },
            new("/statistics", "[data-testid=stat-grid]", "[data-testid=stat-grid] th:visible:has-text('合计')"),
            new("/warnings", "[data-testid=warning-row], [data-testid=warnings-empty]"),
            new("/reports", "[data-testid=report-row], [data-testid=reports-empty]"),
            new("/", "[data-testid=home-title]"),
        ],
        ["grid.liu"] =
        [
            new("/tasks", "[data-testid=my-task-open]", "[data-testid^='my-task-'] :text('任务期限')"),
        ],
        ["hr.he"] =
        [
            new("/tasks", "[data-testid=my-task-open], [data-testid=tasks-empty]"),
            new("/meetings/actions", "[data-testid=action-items], [data-testid=action-items-empty]"),
        ],
        ["street.huang"] =
        [
            new("/statistics", "[data-testid=stat-grid]", "[data-testid=stat-grid] th:visible:has-text('合计')"),
            new("/warnings", "[data-testid=warning-row], [data-testid=warnings-empty]"),
            new("/reports", "[data-testid=report-row], [data-testid=reports-empty]"),
        ],
        ["admin"] =
        [
            new("/admin/users", "[data-testid^='user-row-']"),
            new("/admin/outbox", "[data-testid^='outbox-row-'], [data-testid=outbox-empty]"),
            new("/admin/api-clients", "[data-testid=api-clients-table], [data-testid=api-clients-empty]"),
            new("/admin/deadlines", "[data-testid=policies-table]"),
            new("/admin/organisation", "[data-testid=org-court]"),
            new("/warnings", "[data-testid=warning-row], [data-testid=warnings-empty]"),
        ],
    };

    /// <summary>The matter list's countdown under the due time ("剩余 …" or "已超期 …").</summary>
    private const string Countdown = "[data-testid=matters-grid] :text-matches('剩余|已超期'):visible";

    public static TheoryData<string, int> UsersAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var user in PagesOf.Keys)
        {
            data.Add(user, Laptop);
            data.Add(user, Phone);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UsersAndWidths))]
    public Task Every_list_page_fits_the_screen_and_shows_the_columns_a_user_acts_on(string user, int width) =>
        OnPageAsync(
            async page =>
            {
                await SignInAsync(page, user);
                await WaitForCircuitAsync(page);
                var report = new StringBuilder();
                var failures = new List<string>();
                foreach (var list in PagesOf[user])
                {
                    await page.GotoAsync(list.Path);
                    await WaitForCircuitAsync(page);
                    if (list.Open is { } link)
                    {
                        var href = await page.Locator(link).First.GetAttributeAsync("href");
                        await page.GotoAsync(href!);
                        await WaitForCircuitAsync(page);
                    }

                    var shown = list.Open is null ? list.Path : page.Url[(App.BaseAddress.ToString().TrimEnd('/').Length)..];
                    await Expect(page.Locator(list.Ready).First).ToBeAttachedAsync();
                    await Expect(page.GetByTestId("loading")).ToHaveCountAsync(0);

                    var layout = JsonSerializer.Deserialize<Layout>(await page.EvaluateAsync<string>(MeasureScript), JsonOptions)!;
                    report.AppendLine($"{shown}: scrollWidth {layout.ScrollWidth} / clientWidth {layout.ClientWidth}");
                    if (layout.ScrollWidth > layout.ClientWidth)
                    {
                        failures.Add($"{shown}: the page scrolls sideways ({layout.ScrollWidth} > {layout.ClientWidth})");
                    }

                    failures.AddRange(layout.Scrollers.Select(s => $"{shown}: a box scrolls sideways: {s}"));
                    failures.AddRange(layout.Clipped.Select(c => $"{shown}: a cell is cut off: {c}"));
                    foreach (var selector in list.MustSee)
                    {
                        var element = page.Locator(selector).First;
                        if (await element.CountAsync() == 0)
                        {
                            failures.Add($"{shown}: nothing visible matches {selector}");
                            continue;
                        }

                        var place = await element.EvaluateAsync<string?>(PlaceScript);
                        if (place is not null)
                        {
                            failures.Add($"{shown}: {selector} is off screen: {place}");
                        }
                    }

                    Directory.CreateDirectory(ScreenshotFolder);
                    await page.ScreenshotAsync(new PageScreenshotOptions
                    {
                        Path = Path.Combine(ScreenshotFolder, $"list-{user}-{width}-{shown.Trim('/').Replace('/', '-')}.png"),
                        FullPage = true,
                    });
                }

                output.WriteLine(report.ToString());
                Assert.True(failures.Count == 0, $"{user} at {width} px:\n{string.Join('\n', failures)}\n\n{report}");
            },
            new ViewportSize { Width = width, Height = width == Phone ? 844 : 768 });

    /// <summary>A column by its header on a wide screen, or by its label on a phone's card.</summary>
    private static string Column(string title) => $"th:visible:has-text('{title}'), td[data-label='{title}']:visible";

    /// <summary>
    /// The page's scroll width; every visible box that scrolls sideways; every visible table cell whose right edge
    /// lies past the screen or past a box that clips it (a column a user would have to scroll to).
    /// </summary>
    private const string MeasureScript =
        """
        () => {
          const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
          const describe = el => el.tagName.toLowerCase() + (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '')
            + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 3).join('.') : '');
          const clipRight = el => {
            let right = window.innerWidth;
            for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') right = Math.min(right, a.getBoundingClientRect().right);
            }
            return right;
          };
          const scrollers = [];
          for (const el of document.querySelectorAll('body *')) {
            const overflow = getComputedStyle(el).overflowX;
            if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1 && shown(el)) {
              scrollers.push(`${describe(el)} ${el.scrollWidth} > ${el.clientWidth}`);
            }
          }
          const clipped = [];
          for (const cell of document.querySelectorAll('th, td')) {
            if (!shown(cell)) continue;
            const right = Math.round(cell.getBoundingClientRect().right), limit = Math.round(clipRight(cell));
            if (right > limit + 1) clipped.push(`"${cell.textContent.trim().slice(0, 16)}" ends at ${right} > ${limit}`);
          }
          const doc = document.scrollingElement;
          return JSON.stringify({ scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, scrollers: scrollers.slice(0, 5), clipped: clipped.slice(0, 5) });
        }
        """;

    /// <summary>Null when the element lies inside the screen's width and inside every box that clips it; else where it is.</summary>
    private const string PlaceScript =
        """
        el => {
          const r = el.getBoundingClientRect();
          let left = 0, right = window.innerWidth;
          for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') { const b = a.getBoundingClientRect(); left = Math.max(left, b.left); right = Math.min(right, b.right); }
          }
          return r.left >= left - 1 && r.right <= right + 1 ? null : `${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(left)}..${Math.round(right)}`;
        }
        """;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A list page; with <see cref="Open"/>, the page its first such link leads to (a case's milestones and mediations).</summary>
    private sealed record ListPage(string Path, string Ready, params string[] MustSee)
    {
        public string? Open { get; init; }
    }

    private sealed record Layout(int ScrollWidth, int ClientWidth, string[] Scrollers, string[] Clipped);
}
