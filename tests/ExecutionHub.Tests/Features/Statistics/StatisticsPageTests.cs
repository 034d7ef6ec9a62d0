using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Reports;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Statistics;

public sealed partial class StatisticsPageTests : BunitTestBase
{
    /// <summary>The parties' names, identity numbers, phones and addresses, and the case numbers, of the seeded cases.</summary>
    private readonly List<string> personalData = [];

    /// <summary>Every file the page handed to the browser, by name.</summary>
    private readonly Dictionary<string, byte[]> downloads = [];

    public StatisticsPageTests()
    {
        Services.AddScoped<BrowserDownload>();
        JSInterop.SetupModule(BrowserDownload.Module).SetupVoid("saveFile", Capture).SetVoidResult();
    }

    [Fact]
    public async Task A_street_officer_sees_no_name_identity_number_phone_address_or_case_number_on_the_page_or_in_any_export()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        await SeedCasesWithKnownPartiesAsync(app, data);
        data.ActAsStreet(Roles.StreetOfficer, data.Street.Id);
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);

        var page = Render<StatisticsPage>();
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-overview] [data-testid=stat-row]")), TimeSpan.FromSeconds(10));

        // The page counts the cases: without them this test would pass for the wrong reason.
        Assert.Contains("测试居委", page.Markup, StringComparison.Ordinal);
        Assert.Equal("6", page.Find("[data-testid=stat-by-community] tr.stat-total td").TextContent);
        AssertNoPersonalData("the page", page.Markup);

        var popovers = Popovers!;
        var menus = page.FindAll("[data-testid=export-button]");
        Assert.Equal(10, menus.Count);
        foreach (var format in new[] { "export-xlsx", "export-csv" })
        {
            for (var i = 0; i < menus.Count; i++)
            {
                var before = downloads.Count;
                await page.FindAll("[data-testid=export-button]")[i].ClickAsync(new());
                await popovers.WaitForAssertionAsync(() => Assert.NotEmpty(popovers.FindAll($".mud-popover-open [data-testid={format}]")));
                await popovers.Find($".mud-popover-open [data-testid={format}]").ClickAsync(new());
                await page.WaitForAssertionAsync(() => Assert.Equal(before + 1, downloads.Count));
            }
        }

        Assert.Equal(20, downloads.Count);
        Assert.All(downloads, file => AssertNoPersonalData(file.Key, Text(file.Key, file.Value)));
        Assert.Contains(downloads.Keys, name => name.StartsWith("按社区_测试街道_2026-08-30~2026-11-27_", StringComparison.Ordinal) && name.EndsWith(".xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_street_officer_sees_no_personal_data_in_a_published_report_its_word_document_or_its_workbook()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        await SeedCasesWithKnownPartiesAsync(app, data);
        data.ActAsStreet(Roles.Coordinator, data.Street.Id);
        var id = await app.SendAsync(new GenerateReportDraft(data.Street.Id, ReportKind.MonthlyPortrait, new DateOnly(2026, 11, 1)));
        var version = await app.SendAsync(new EditReportSuggestions(id, "加强民间借贷纠纷源头治理。", 0));
        await app.SendAsync(new PublishReport(id, version));
        data.ActAsStreet(Roles.StreetOfficer, data.Street.Id);
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);

        var page = Render<ReportPage>(p => p.Add(x => x.Id, id));
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-overview] [data-testid=stat-row]")), TimeSpan.FromSeconds(10));

        // The report counts the six cases: without them this test would pass for the wrong reason.
        Assert.Equal("6", page.Find("[data-testid=stat-by-community] tr.stat-total td").TextContent);
        Assert.Contains("测试居委", page.Markup, StringComparison.Ordinal);
        AssertNoPersonalData("the report page", page.Markup);

        await page.Find("[data-testid=report-docx]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.Contains(downloads.Keys, k => k.EndsWith(".docx", StringComparison.Ordinal)));
        await page.Find("[data-testid=report-xlsx]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.Contains(downloads.Keys, k => k.EndsWith(".xlsx", StringComparison.Ordinal)));

        Assert.Equal(2, downloads.Count);
        Assert.All(downloads, file =>
        {
            var text = Text(file.Key, file.Value);
            Assert.Contains("测试居委", text, StringComparison.Ordinal);
            AssertNoPersonalData(file.Key, text);
        });
    }

    [Fact]
    public async Task A_custom_period_takes_whole_months_and_compares_them_with_as_many_months_before()
    {
        await using var app = await TestApp.CreateAsync();
        var scenario = await StatisticsScenario.CreateAsync(app);
        scenario.Data.ActAsStreet(Roles.StreetOfficer, scenario.Data.Street.Id);
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);
        var page = Render<StatisticsPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal("2026-08-30~2026-11-27", page.Find("[data-testid=statistics-tables]").GetAttribute("data-period")), TimeSpan.FromSeconds(10));
        Assert.Equal("LastQuarterEmpty", page.Find("[data-testid=statistics-default-reason]").GetAttribute("data-reason"));
        Assert.Contains("默认显示最近 90 天（2026-08-30~2026-11-27）：上一个完整季度（2026-07-01~2026-09-30）没有", page.Find("[data-testid=statistics-default-reason]").TextContent, StringComparison.Ordinal);

        await ChooseAsync(page, page.FindComponent<MudSelect<StatisticsPeriodKind>>(), "自定义（整月）");
        await ChooseAsync(page, page.FindComponents<MudSelect<DateOnly>>()[0], "2026-03");
        await ChooseAsync(page, page.FindComponents<MudSelect<DateOnly>>()[1], "2026-06");

        await page.WaitForAssertionAsync(() => Assert.Equal("2026-03-01~2026-06-30", page.Find("[data-testid=statistics-tables]").GetAttribute("data-period")));
        Assert.Empty(page.FindAll("[data-testid=statistics-default-reason]"));
        Assert.Contains("对比上期 2025-11-01~2026-02-28", page.Find("[data-testid=statistics-scope]").TextContent, StringComparison.Ordinal);
        var months = page.FindAll("[data-testid=stat-by-month] tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["2026-03 | 8 | 0", "2026-04 | 0 | 0", "2026-05 | 0 | 0", "2026-06 | 5 | 0", "合计 | 13 | 0"], months);
    }

    /// <summary>Opens a select and clicks the option, as a user would.</summary>
    private async Task ChooseAsync<T>(IRenderedComponent<StatisticsPage> page, IRenderedComponent<MudSelect<T>> select, string option)
    {
        var popovers = Popovers!;
        await page.InvokeAsync(select.Instance.OpenMenu);
        await popovers.WaitForAssertionAsync(() => Assert.Contains(popovers.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == option));
        await popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == option).ClickAsync(new());
    }

    private void AssertNoPersonalData(string where, string text)
    {
        Assert.All(personalData, value => Assert.False(text.Contains(value, StringComparison.Ordinal), $"{where} shows {value}"));
        Assert.False(IdentityNumber().IsMatch(text), $"{where} holds an 18-digit ID number: {IdentityNumber().Match(text).Value}");
        Assert.False(MobileNumber().IsMatch(text), $"{where} holds a mobile number: {MobileNumber().Match(text).Value}");
    }

    /// <summary>Six cases in 测试居委 filed this month, their parties with names, ID numbers, phones and addresses of their own, and a matter on each.</summary>
    private async Task SeedCasesWithKnownPartiesAsync(TestApp app, HandBuiltData data)
    {
        string[] names = ["欧阳娜娜", "司马光明", "上官婉儿", "诸葛明亮", "东方白云", "慕容复兴"];
        string[] ids = ["11010519491231002X", "310110198502023456", "440106198001010012", "310101197503152211", "32010619880808123X", "330106199212120041"];
        for (var i = 0; i < 6; i++)
        {
            var @case = await data.AddCaseAsync(data.Judge, owed: 12_000m + i, cause: i < 4 ? "民间借贷纠纷" : "买卖合同纠纷", industry: i < 4 ? "个人借贷" : "批发零售",
                filedOn: new DateOnly(2026, 11, 3), community: data.Community);
            await using var db = await app.DbAsync();
            var respondent = await db.CaseParties.SingleAsync(p => p.CaseId == @case.Id && p.Role == PartyRole.Respondent);
            var applicant = await db.CaseParties.SingleAsync(p => p.CaseId == @case.Id && p.Role == PartyRole.Applicant);
            respondent.Name = names[i];
            respondent.IdentityNumber = ids[i];
            respondent.Phones = [$"1381234567{i}", $"1590000111{i}"];
            respondent.Addresses = [$"上海市杨浦区测试路{100 + i}号"];
            applicant.Name = names[(i + 1) % names.Length] + "甲";
            applicant.Phones = [$"1776543210{i}"];
            applicant.Addresses = [$"上海市杨浦区申请路{200 + i}弄"];
            await db.SaveChangesAsync();
            personalData.AddRange([@case.CaseNumber, respondent.Name, respondent.IdentityNumber, applicant.Name, applicant.IdentityNumber, .. respondent.Phones, .. applicant.Phones, .. respondent.Addresses, .. applicant.Addresses]);
            await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc),
                m => HandBuiltData.FeedBack(m, new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc), MatterOutcome.Found));
        }
    }

    private bool Capture(JSRuntimeInvocation invocation)
    {
        var stream = ((DotNetStreamReference)invocation.Arguments[2]!).Stream;
        using var copy = new MemoryStream();
        stream.Position = 0;
        stream.CopyTo(copy);
        stream.Position = 0;
        downloads[(string)invocation.Arguments[0]!] = copy.ToArray();
        return true;
    }

    /// <summary>All the text in a file: a CSV as it is, an XLSX or DOCX as the text of every XML part of its package (values, shared strings, properties).</summary>
    private static string Text(string name, byte[] content)
    {
        if (!name.EndsWith(".xlsx", StringComparison.Ordinal) && !name.EndsWith(".docx", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetString(content);
        }

        using var zip = new ZipArchive(new MemoryStream(content));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var part = entry.Open();
            // Element text only: a column width such as 14.2857142857 is layout, not data.
            foreach (var node in XDocument.Load(part).DescendantNodes().OfType<XText>())
            {
                text.AppendLine(node.Value);
            }
        }

        return text.ToString();
    }

    // Standing alone: not part of a longer number, of a chart's decimal coordinates (0.18670251278…) or of an element's
    // GUID id (its hex runs are digits now and then: "…-c14723448522" once failed the mobile-number check).
    [GeneratedRegex(@"(?<![\da-fA-F.-])\d{17}[\dXx](?![\da-fA-F.-])")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"(?<![\da-fA-F.-])1[3-9]\d{9}(?![\da-fA-F.-])")]
    private static partial Regex MobileNumber();
}
