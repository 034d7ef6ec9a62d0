using System.Globalization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Reports;
using static ExecutionHub.Tests.Features.Statistics.StatisticsText;

namespace ExecutionHub.Tests.Features.Reports;

/// <summary>A report's title and file names say its period once: "第4季度…画像报告", not "第4季度季度…".</summary>
public sealed class ReportTitleTests : IDisposable
{
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = previousUiCulture;
        CultureInfo.CurrentCulture = previousCulture;
    }

    [Theory]
    [InlineData(ReportKind.MonthlyPortrait, "2026-11-01", "测试街道2026年11月区域涉执社情画像报告")]
    [InlineData(ReportKind.QuarterlyPortrait, "2026-10-01", "测试街道2026年第4季度区域涉执社情画像报告")]
    [InlineData(ReportKind.HalfYearWhitePaper, "2026-07-01", "测试街道2026年下半年涉执白皮书")]
    public void The_chinese_title_names_the_period_once(ReportKind kind, string start, string title)
    {
        Use("zh-CN");

        Assert.Equal(title, ReportTitles.Title("测试街道", kind, DateOnly.Parse(start, CultureInfo.InvariantCulture), Localizer));
    }

    [Theory]
    [InlineData(ReportKind.MonthlyPortrait, "2026-11-01", "测试街道 · 2026-11 · Execution-related social situation portrait")]
    [InlineData(ReportKind.QuarterlyPortrait, "2026-10-01", "测试街道 · Q4 2026 · Execution-related social situation portrait")]
    [InlineData(ReportKind.HalfYearWhitePaper, "2026-01-01", "测试街道 · H1 2026 · Execution white paper")]
    public void The_english_title_names_the_period_once(ReportKind kind, string start, string title)
    {
        Use("en");

        Assert.Equal(title, ReportTitles.Title("测试街道", kind, DateOnly.Parse(start, CultureInfo.InvariantCulture), Localizer));
    }

    [Theory]
    [InlineData(ReportKind.MonthlyPortrait, "2026-11-01", ReportState.Draft, "测试街道2026年11月区域涉执社情画像报告_草稿.docx")]
    [InlineData(ReportKind.QuarterlyPortrait, "2026-10-01", ReportState.Published, "测试街道2026年第4季度区域涉执社情画像报告.docx")]
    public void The_file_is_named_by_the_title_with_no_doubled_period_word(ReportKind kind, string start, ReportState state, string fileName)
    {
        Use("zh-CN");
        var report = new ReportView(1, 1, "测试街道", kind, DateOnly.Parse(start, CultureInfo.InvariantCulture), state, "", DateTime.UnixEpoch, null, null, null, 0, false, null!);

        Assert.Equal(fileName, ReportFiles.Name(report, ".docx", Localizer));
    }

    private static void Use(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        CultureInfo.CurrentCulture = new CultureInfo(culture);
    }
}
