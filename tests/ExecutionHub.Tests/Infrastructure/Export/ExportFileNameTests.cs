using ExecutionHub.Web.Infrastructure.Export;

namespace ExecutionHub.Tests.Infrastructure.Export;

public sealed class ExportFileNameTests
{
    private static ExportTable Table(string title, params ExportFilter[] filters) => new()
    {
        Title = title,
        Filters = filters,
        ExportedAtUtc = new DateTime(2026, 11, 27, 1, 30, 0, DateTimeKind.Utc),
        Headers = ["事项编号"],
        Rows = [],
    };

    [Fact]
    public void Should_name_the_file_after_the_title_the_filters_and_the_shanghai_date()
    {
        Assert.Equal("待反馈事项_平凉路街道_2026-11-27.xlsx", ExportFileName.For(Table("待反馈事项", new ExportFilter("街道", "平凉路街道")), ExportFormat.Xlsx));
        Assert.Equal("待反馈事项_平凉路街道_2026-11-27.csv", ExportFileName.For(Table("待反馈事项", new ExportFilter("街道", "平凉路街道")), ExportFormat.Csv));
    }

    [Fact]
    public void Should_take_the_date_in_shanghai_where_it_is_already_the_next_day()
    {
        var table = Table("事项") with { ExportedAtUtc = new DateTime(2026, 11, 27, 16, 30, 0, DateTimeKind.Utc) };

        Assert.Equal("事项_2026-11-28.xlsx", ExportFileName.For(table, ExportFormat.Xlsx));
    }

    [Fact]
    public void Should_name_a_switch_filter_by_its_name_rather_than_yes()
    {
        Assert.Equal("事项_仅超期_2026-11-27.csv", ExportFileName.For(Table("事项", ExportFilter.Switch("仅超期")), ExportFormat.Csv));
    }

    [Theory]
    [InlineData("事项/列表", "a:b*c?\"d\"<e>|f", "事项-列表_a-b-c-d-e-f_2026-11-27.xlsx")]
    [InlineData("Awaiting  feedback", "已分派, 已登记", "Awaiting-feedback_已分派-已登记_2026-11-27.xlsx")]
    [InlineData("..事项..", "\t\n", "事项_2026-11-27.xlsx")]
    [InlineData("事项_一", "a_b", "事项-一_a-b_2026-11-27.xlsx")]
    [InlineData("///", "", "export_2026-11-27.xlsx")]
    public void Should_leave_out_characters_a_file_system_refuses(string title, string filter, string expected)
    {
        var name = ExportFileName.For(Table(title, new ExportFilter("筛选", filter)), ExportFormat.Xlsx);

        Assert.Equal(expected, name);
        Assert.Equal(-1, name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\t', '\n']));
    }

    [Fact]
    public void Should_keep_a_name_short_enough_for_every_file_system_by_leaving_out_the_filters_that_do_not_fit()
    {
        var table = Table(new string('事', 66), new ExportFilter("街道", "平凉路街道"), new ExportFilter("类型", "查找被执行人下落"), new ExportFilter("状态", "已分派"));

        var name = ExportFileName.For(table, ExportFormat.Xlsx);

        Assert.Equal(new string('事', 66) + "_平凉路街道_2026-11-27.xlsx", name);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(name) < 255);
    }

    [Fact]
    public void Should_cut_an_overlong_title_to_the_limit()
    {
        var name = ExportFileName.For(Table(new string('事', 200)), ExportFormat.Csv);

        Assert.Equal(new string('事', 80) + "_2026-11-27.csv", name);
    }
}
