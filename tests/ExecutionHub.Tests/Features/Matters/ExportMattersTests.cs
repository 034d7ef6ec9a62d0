using System.Globalization;
using System.Text;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Export;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace ExecutionHub.Tests.Features.Matters;

public sealed class ExportMattersTests : IDisposable
{
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;

    public ExportMattersTests() => CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");

    public void Dispose() => CultureInfo.CurrentUICulture = previousUiCulture;

    /// <summary>What the list shows for <paramref name="filter"/>, page after page, as the grid would fetch it.</summary>
    private static async Task<List<MatterRow>> EveryPageAsync(TestApp app, ListMatters filter, int pageSize)
    {
        var rows = new List<MatterRow>();
        for (var page = 0; ; page++)
        {
            var result = await app.SendAsync(filter with { Page = page, PageSize = pageSize });
            rows.AddRange(result.Rows);
            if (rows.Count >= result.Total || result.Rows.Count == 0)
            {
                return rows;
            }
        }
    }

    public static TheoryData<string, ListMatters> Filters => new()
    {
        { "coord.chen", new ListMatters() },
        { "coord.chen", new ListMatters { Sort = MatterSort.DueAsc, Statuses = [MatterStatus.Dispatched, MatterStatus.Registered, MatterStatus.Received] } },
        { "judge.wang", new ListMatters { Sort = MatterSort.Reference } },
        { "judge.wang", new ListMatters { Sort = MatterSort.DueDesc, MineOnly = true, Type = MatterType.DebtorWhereabouts } },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Should_export_the_same_rows_in_the_same_order_as_the_list_shows_for_the_same_filter(string userName, ListMatters filter)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync(userName);

        var listed = await EveryPageAsync(app, filter, pageSize: 7);
        var export = await app.SendAsync(new ExportMatters { Filter = filter with { Page = 3, PageSize = 7 } });

        Assert.NotEmpty(listed);
        Assert.Equal(listed, export.Rows);
        Assert.Equal(listed.Count, export.Total);
        Assert.False(export.Capped);
        Assert.Equal(TestApp.Start.UtcDateTime, export.AsOfUtc);
    }

    [Fact]
    public async Task Should_stop_at_the_limit_and_say_how_many_the_filter_found()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("judge.wang");
        var listed = await app.SendAsync(new ListMatters { PageSize = 5 });

        var export = await app.SendAsync(new ExportMatters { Filter = new ListMatters(), Limit = 5 });

        Assert.Equal(listed.Rows, export.Rows);
        Assert.True(export.Total > 5);
        Assert.True(export.Capped);
        var table = MatterExportTable.Create(export, new ListMatters(), null, coordinator: false, Localizer(app));
        Assert.Equal([$"仅导出了前 5 条（共 {export.Total} 条）；请缩小筛选范围后分批导出。"], table.Notes);
    }

    [Fact]
    public async Task Should_refuse_more_rows_than_the_cap()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new ExportMatters { Filter = new ListMatters(), Limit = ExportMatters.MaxRows + 1 }));
    }

    [Theory]
    [InlineData("grid.liu")]
    [InlineData("street.huang")]
    [InlineData("police.xu")]
    public async Task Should_refuse_the_export_to_roles_that_may_not_list_matters(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync(userName);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ExportMatters { Filter = new ListMatters() }));
    }

    [Theory]
    [InlineData("coord.chen")]
    [InlineData("judge.wang")]
    public async Task Should_never_put_a_persons_full_name_id_number_or_phone_in_the_exported_files(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var me = await app.SignInAsAsync(userName);
        var export = await app.SendAsync(new ExportMatters { Filter = new ListMatters() });
        var options = await app.SendAsync(new GetMatterFilterOptions());
        var table = MatterExportTable.Create(export, new ListMatters(), options, coordinator: me.IsInRole(Roles.Coordinator), Localizer(app));

        var files = new StringBuilder();
        foreach (var format in new[] { ExportFormat.Xlsx, ExportFormat.Csv })
        {
            using var file = new MemoryStream();
            await ExportWriter.WriteAsync(table, format, file);
            file.Position = 0;
            if (format == ExportFormat.Xlsx)
            {
                foreach (IDictionary<string, object?> row in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX))
                {
                    files.AppendJoin('\t', row.Values).AppendLine();
                }
            }
            else
            {
                files.Append(Encoding.UTF8.GetString(file.ToArray()));
            }
        }

        await using var db = await app.DbAsync();
        var exportedIds = export.Rows.Select(r => r.Id).ToList();
        var people = await db.Matters.Where(m => exportedIds.Contains(m.Id) && m.TargetParty!.Kind == PartyKind.Person)
            .Select(m => new { m.Reference, m.TargetParty!.Name, m.TargetParty.IdentityNumber, m.TargetParty.Phones })
            .ToListAsync();
        Assert.NotEmpty(people);
        var text = files.ToString();
        Assert.All(people, person =>
        {
            Assert.Equal(PersonalData.MaskName(person.Name), export.Rows.Single(r => r.Reference == person.Reference).Target);
            Assert.DoesNotContain(person.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(person.IdentityNumber, text, StringComparison.Ordinal);
            Assert.All(person.Phones, phone => Assert.DoesNotContain(phone, text, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Should_give_the_file_the_lists_columns_and_name_the_filters_and_the_coordinators_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var filter = new ListMatters { Statuses = [MatterStatus.Dispatched], OverdueOnly = true };
        var export = await app.SendAsync(new ExportMatters { Filter = filter });
        var options = await app.SendAsync(new GetMatterFilterOptions());

        var localizer = Localizer(app);

        var table = MatterExportTable.Create(export, filter, options, coordinator: true, localizer);

        Assert.NotEmpty(table.Rows);
        Assert.Equal(["事项编号", "案号", "事项类型", "状态", "对象", "接收时间", "反馈期限", "在办任务"], table.Headers);
        Assert.Equal(["街道：平凉路街道", "状态：已分派", "仅超期：是", "导出时间：2026-11-27 09:30"], table.DescriptionLines());
        Assert.Equal("事项清单_平凉路街道_已分派_仅超期_2026-11-27.xlsx", ExportFileName.For(table, ExportFormat.Xlsx));
        Assert.Equal(export.Rows.Count, table.Rows.Count);
        Assert.All(table.Rows.Zip(export.Rows), pair =>
        {
            var (cells, row) = pair;
            Assert.Equal<object?>([row.Reference, row.CaseNumber, localizer[$"MatterType.{row.Type}"].Value, row.IsPaused ? "已分派 · 已暂停" : "已分派", row.Target, row.ReceivedAtUtc, row.DueAtUtc, row.OpenTasks], cells);
        });
    }

    [Fact]
    public async Task Should_add_the_street_column_for_a_judge_and_name_the_chosen_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("judge.wang");
        var options = await app.SendAsync(new GetMatterFilterOptions());
        var street = options.Streets.First();
        var filter = new ListMatters { StreetId = int.Parse(street.Id, CultureInfo.InvariantCulture) };
        var export = await app.SendAsync(new ExportMatters { Filter = filter });

        var table = MatterExportTable.Create(export, filter, options, coordinator: false, Localizer(app));

        Assert.Equal("街道", table.Headers[5]);
        Assert.All(table.Rows, cells => Assert.Equal(street.Name, cells[5]));
        Assert.Equal($"街道：{street.Name}", table.DescriptionLines()[0]);
    }

    private static IStringLocalizer Localizer(TestApp app) =>
        app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
}
