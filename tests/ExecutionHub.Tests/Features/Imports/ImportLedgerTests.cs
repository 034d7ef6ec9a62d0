using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Features.Imports;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ExecutionHub.Tests.Features.Imports.LedgerScenario;

namespace ExecutionHub.Tests.Features.Imports;

/// <summary>
/// The ledger import through the real pipeline over a hand-built street; "now" is 2026-11-27 09:30 Shanghai.
/// Long because it is one use case seen whole: the file, every row rule, scope, idempotency, figures and alerts.
/// </summary>
public sealed class ImportLedgerTests : IAsyncLifetime
{
    private TestApp app = default!;
    private HandBuiltData data = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Should_give_exactly_the_hand_computed_headline_figures_for_an_imported_ledger()
    {
        var report = await app.SendAsync(Import(Csv(FedBackRows), data));

        Assert.True(report.Saved);
        Assert.Empty(report.Errors);
        Assert.Equal(6, report.MattersCreated);
        Assert.Equal(5, report.CasesCreated);

        var figures = await app.SendAsync(new GetHeadlineFigures(new DashboardFilter(DashboardPeriod.ThisMonth)));
        Assert.Equal(6, figures.FedBack);
        // Found: rows 2 and 3 (row 4 not found; the household row is not a whereabouts matter).
        Assert.Equal(2, figures.WhereaboutsVerified);
        // Vehicle not confirmed, income confirmed: both concluded.
        Assert.Equal(2, figures.AssetCluesVerified);
        Assert.Equal((10 + 30 + 50 + 80 + 24 + 36) / 6.0, figures.AverageCycleHours!.Value, 9);
        // Only the 80-hour vehicle clue missed its 72-hour window.
        Assert.Equal(5 / 6.0, figures.OnTimeRate!.Value, 9);
        Assert.Equal(0, figures.Open);

        // The judge's court-wide dashboard counts them the same.
        data.ActAs(data.Judge, Roles.Judge);
        var court = await app.SendAsync(new GetHeadlineFigures(new DashboardFilter(DashboardPeriod.ThisMonth)));
        Assert.Equal((figures.FedBack, figures.WhereaboutsVerified, figures.AssetCluesVerified, figures.AverageCycleHours, figures.OnTimeRate),
            (court.FedBack, court.WhereaboutsVerified, court.AssetCluesVerified, court.AverageCycleHours, court.OnTimeRate));
    }

    [Fact]
    public async Task Should_store_imported_matters_with_their_original_times_status_and_due_time()
    {
        await app.SendAsync(Import(Csv(FedBackRows), data));

        await using var db = await app.DbAsync();
        var closed = await db.Matters.Include(m => m.TargetParty).SingleAsync(m => m.Type == MatterType.AssetClueVerification && m.Details.ClueKind == AssetClueKind.Income);
        Assert.Equal(MatterStatus.Closed, closed.Status);
        Assert.Equal(MatterSource.OtherCourtEntrustment, closed.Source);
        Assert.Equal(new DateTime(2026, 11, 18, 0, 0, 0, DateTimeKind.Utc), closed.ReceivedAtUtc);
        Assert.Equal(new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc), closed.DueAtUtc);
        Assert.Equal(new DateTime(2026, 11, 19, 12, 0, 0, DateTimeKind.Utc), closed.FirstFedBackAtUtc);
        Assert.Equal(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), closed.ClosedAtUtc);
        Assert.Equal(36 * 3600, closed.FeedbackCycleSeconds);
        Assert.True(closed.FedBackOnTime);
        Assert.Equal(MatterOutcome.Confirmed, closed.Outcome);
        Assert.Equal("工资收入属实", closed.Feedback);
        Assert.Equal(PartyKind.Organisation, closed.TargetParty!.Kind);
        Assert.Null(closed.NextAlertAtUtc);

        var @case = await db.Cases.Include(c => c.Parties).SingleAsync(c => c.CaseNumber == "(2026)沪0199执501号");
        Assert.Equal(data.Street.Id, @case.StreetId);
        Assert.Equal(data.Judge.Id, @case.JudgeId);
        Assert.Equal(data.Community.Id, @case.CommunityId);
        Assert.Equal(["李四", "王小明"], @case.Parties.Where(p => p.Role == PartyRole.Respondent).Select(p => p.Name).Order().ToArray());
    }

    public static TheoryData<string, string, int, string> BadRows => new()
    {
        { LedgerFile.ReceivedAt, "2026-13-01 08:00", 3, LedgerFile.ReceivedAt },
        { LedgerFile.MatterType, "asset_boat", 3, LedgerFile.MatterType },
        // Fed back on the 9th, before the matter was received (and dispatched) on the 11th.
        { LedgerFile.FedBackAt, "2026-11-09T08:00:00+08:00", 3, LedgerFile.FedBackAt },
        { LedgerFile.CaseNumber, "(2026)沪0199民501号", 3, LedgerFile.CaseNumber },
        { LedgerFile.TargetIdNumber, "310110198001010021", 3, LedgerFile.TargetIdNumber },
        { LedgerFile.Outcome, "confirmed", 3, LedgerFile.Outcome },
        { LedgerFile.Community, "不存在居委", 3, LedgerFile.Community },
        { LedgerFile.FedBackAt, "2026-12-01T08:00:00+08:00", 3, LedgerFile.FedBackAt },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Should_import_nothing_and_name_the_row_and_column_when_one_row_is_bad(string column, string value, int expectedRow, string expectedColumn)
    {
        var rows = FedBackRows.ToArray();
        rows[1] = With(rows[1], column, value);

        var report = await app.SendAsync(Import(Csv(rows), data));

        Assert.False(report.Saved);
        var error = Assert.Single(report.Errors);
        Assert.Equal(expectedRow, error.Row);
        Assert.Equal(expectedColumn, error.Column);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.DoesNotContain("Import.", error.Reason, StringComparison.Ordinal);
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Matters.CountAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.Timeline.CountAsync());
    }

    [Fact]
    public async Task An_unknown_community_is_refused_naming_the_value_found_and_the_streets_communities()
    {
        await using (var db = await app.DbAsync())
        {
            db.Communities.Add(new Community { Name = "测试二居委", StreetId = data.Street.Id });
            await db.SaveChangesAsync();
        }

        var rows = new[] { With(FedBackRows[0], LedgerFile.Community, "长阳居委") };

        var chinese = await WithCultureAsync("zh-CN", () => app.SendAsync(Import(Csv(rows), data)));
        var english = await WithCultureAsync("en", () => app.SendAsync(Import(Csv(rows), data)));

        Assert.Equal("测试街道没有名称或代码为“长阳居委”的社区（居委）。本街道的社区：测试二居委、测试居委。", Assert.Single(chinese.Errors).Reason);
        Assert.Equal("测试街道 has no community named or coded “长阳居委”. Its communities: 测试二居委, 测试居委.", Assert.Single(english.Errors).Reason);
    }

    [Fact]
    public async Task The_xlsx_template_carries_the_ledger_sheet_first_and_a_guide_naming_each_column_in_chinese()
    {
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);
        var template = await WithCultureAsync("zh-CN", () => app.SendAsync(new GetLedgerTemplate(LedgerFormat.Xlsx)));

        using var stream = new MemoryStream(template.Content);
        Assert.Equal(["ledger", "列说明"], MiniExcelLibs.MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var guide = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "列说明").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(LedgerFile.Columns, guide.Select(r => r["列名（表头）"]?.ToString()));
        Assert.Equal("案号", guide[0]["中文名"]);
        Assert.Equal("(2026)沪0199执1号", guide[0]["示例"]);
        Assert.Contains("asset_vehicle", guide[1]["填写要求"]!.ToString(), StringComparison.Ordinal);

        // The import still reads the first sheet: the template as downloaded (its example row) is a valid ledger.
        var report = await app.SendAsync(new ImportLedger(template.Content, LedgerFormat.Xlsx, "template.xlsx", DryRun: true, data.Judge.Id));
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task Should_give_the_reason_in_the_senders_language()
    {
        var rows = new[] { With(FedBackRows[0], LedgerFile.ReceivedAt, "yesterday") };

        var chinese = await WithCultureAsync("zh-CN", () => app.SendAsync(Import(Csv(rows), data)));
        var english = await WithCultureAsync("en", () => app.SendAsync(Import(Csv(rows), data)));

        Assert.Contains("时间格式不正确", Assert.Single(chinese.Errors).Reason, StringComparison.Ordinal);
        Assert.Contains("Not a valid time", Assert.Single(english.Errors).Reason, StringComparison.Ordinal);
    }

    /// <summary>The database refuses a row part-way through the write (a trigger stands in for a full disk or a lost lock).</summary>
    [Theory]
    [InlineData("Matters", 2)]
    [InlineData("Timeline", 0)]
    public async Task Should_save_nothing_when_the_database_refuses_a_row_part_way_through_the_write(string table, int rowsBefore)
    {
        await using (var db = await app.DbAsync())
        {
            var trigger = $"CREATE TRIGGER refuse_mid_import BEFORE INSERT ON \"{table}\" WHEN (SELECT COUNT(*) FROM \"{table}\") >= {rowsBefore} BEGIN SELECT RAISE(ABORT, 'refused mid-import'); END;";
            await db.Database.ExecuteSqlRawAsync(trigger);
        }

        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(Import(Csv(FedBackRows), data)));

        await using var read = await app.DbAsync();
        Assert.Equal(0, await read.Cases.CountAsync());
        Assert.Equal(0, await read.CaseParties.CountAsync());
        Assert.Equal(0, await read.Matters.CountAsync());
        Assert.Equal(0, await read.Timeline.CountAsync());
        Assert.Equal(0, await read.MatterDayTallies.CountAsync());
    }

    [Fact]
    public async Task Should_add_nothing_when_the_same_file_is_imported_again()
    {
        var file = Csv(FedBackRows);
        await app.SendAsync(Import(file, data));

        var again = await app.SendAsync(Import(file, data));

        Assert.Empty(again.Errors);
        Assert.Equal(0, again.MattersCreated);
        Assert.Equal(0, again.CasesCreated);
        Assert.Equal(6, again.DuplicatesSkipped);
        await using var db = await app.DbAsync();
        Assert.Equal(6, await db.Matters.CountAsync());
        Assert.Equal(5, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task Should_read_the_same_ledger_alike_from_xlsx_and_csv()
    {
        var csv = await app.SendAsync(Import(Csv(FedBackRows), data, dryRun: true));
        var xlsx = await app.SendAsync(Import(await XlsxAsync(FedBackRows), data, dryRun: true, LedgerFormat.Xlsx, "台账2026.xlsx"));

        Assert.Empty(xlsx.Errors);
        Assert.Equal((csv.RowsRead, csv.MattersCreated, csv.CasesCreated), (xlsx.RowsRead, xlsx.MattersCreated, xlsx.CasesCreated));
        Assert.Equal(csv.Preview, xlsx.Preview);

        // The same rows, the same keys: once the CSV is in, the XLSX adds nothing.
        await app.SendAsync(Import(Csv(FedBackRows), data));
        var afterCsv = await app.SendAsync(Import(await XlsxAsync(FedBackRows), data, format: LedgerFormat.Xlsx, fileName: "台账2026.xlsx"));
        Assert.Equal(6, afterCsv.DuplicatesSkipped);
        Assert.Equal(0, afterCsv.MattersCreated);
    }

    [Fact]
    public async Task Should_read_a_csv_saved_as_gb18030_by_a_chinese_excel()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var text = System.Text.Encoding.UTF8.GetString(Csv(FedBackRows));
        var gb18030 = System.Text.Encoding.GetEncoding("GB18030").GetBytes(text);

        var report = await app.SendAsync(Import(gb18030, data, dryRun: true));

        Assert.Empty(report.Errors);
        Assert.Equal("王*明", report.Preview[0].TargetName);
    }

    [Fact]
    public async Task Should_save_nothing_in_a_preview()
    {
        var preview = await app.SendAsync(Import(Csv(FedBackRows), data, dryRun: true));

        Assert.False(preview.Saved);
        Assert.Equal(6, preview.MattersCreated);
        Assert.Equal(6, preview.Preview.Count);
        Assert.Equal("王*明", preview.Preview[0].TargetName);
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Matters.CountAsync());
    }

    [Fact]
    public async Task Should_refuse_every_row_of_another_streets_coordinator()
    {
        await using (var db = await app.DbAsync())
        {
            db.Streets.Add(new Street { Name = "另一街道", CourtId = data.Court.Id });
            await db.SaveChangesAsync();
        }

        int otherStreet;
        await using (var db = await app.DbAsync())
        {
            otherStreet = await db.Streets.Where(s => s.Name == "另一街道").Select(s => s.Id).SingleAsync();
        }

        data.ActAs(data.Judge, Roles.Coordinator, otherStreet);

        var report = await app.SendAsync(Import(Csv(FedBackRows), data));

        Assert.False(report.Saved);
        Assert.Equal(Enumerable.Range(2, 6), report.Errors.Where(e => e.Column == LedgerFile.Street).Select(e => e.Row));
        await using var check = await app.DbAsync();
        Assert.Equal(0, await check.Matters.CountAsync());
    }

    [Fact]
    public async Task Should_refuse_a_case_of_another_street_even_under_the_coordinators_own_street_name()
    {
        await using (var db = await app.DbAsync())
        {
            db.Streets.Add(new Street { Name = "另一街道", CourtId = data.Court.Id });
            await db.SaveChangesAsync();
        }

        Street other;
        await using (var db = await app.DbAsync())
        {
            other = await db.Streets.SingleAsync(s => s.Name == "另一街道");
        }

        var foreign = await data.AddCaseAsync(data.Judge, street: other);
        var row = With(FedBackRows[0], LedgerFile.CaseNumber, foreign.CaseNumber);

        var report = await app.SendAsync(Import(Csv([row]), data));

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, LedgerFile.CaseNumber), (error.Row, error.Column));
    }

    [Fact]
    public async Task Should_not_let_other_roles_import()
    {
        data.ActAs(data.Judge, Roles.Judge);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(Import(Csv(FedBackRows), data)));
    }

    [Fact]
    public async Task Should_say_on_the_timeline_who_imported_the_matter_when_from_which_file_with_the_original_times()
    {
        await app.SendAsync(Import(Csv(FedBackRows), data, fileName: "平凉路台账.csv"));

        await using var db = await app.DbAsync();
        var matter = await db.Matters.SingleAsync(m => m.ImportKey != null && m.Details.ClueKind == AssetClueKind.Income);
        var entry = Assert.Single(await db.Timeline.Where(t => t.MatterId == matter.Id).ToListAsync());
        Assert.Equal("Timeline.MatterImported", entry.Event);
        Assert.Equal(data.Judge.Id, entry.ActorId);
        Assert.Equal(TestApp.Start.UtcDateTime, entry.AtUtc);
        Assert.Contains("平凉路台账.csv", entry.Detail, StringComparison.Ordinal);
        Assert.Matches(@"\b7\b", entry.Detail);
        Assert.Contains("2026-11-18 08:00", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("2026-11-19 20:00", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 10:00", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_watch_imported_open_matters_from_now_on_without_firing_long_past_alerts()
    {
        // Received on the 1st: its due-soon, overdue and escalation times are all long past.
        var old = With(With(With(With(FedBackRows[0], LedgerFile.ReceivedAt, "2026-11-01T08:00:00+08:00"), LedgerFile.DispatchedAt, ""), LedgerFile.FedBackAt, ""), LedgerFile.Outcome, "");
        // Received yesterday at 08:00 and dispatched: due on the 29th at 08:00, due soon from the 28th at 08:00.
        var recent = With(With(With(With(FedBackRows[1], LedgerFile.ReceivedAt, "2026-11-26T08:00:00+08:00"), LedgerFile.DispatchedAt, "2026-11-26T09:00:00+08:00"), LedgerFile.FedBackAt, ""), LedgerFile.Outcome, "");

        var report = await app.SendAsync(Import(Csv([old, recent]), data));
        Assert.True(report.Saved);

        Assert.Equal(0, (await SweepAsync()).Alerts);
        var figures = await app.SendAsync(new GetHeadlineFigures(new DashboardFilter(DashboardPeriod.ThisMonth)));
        Assert.Equal((2, 1), (figures.Open, figures.Overdue));

        await using (var db = await app.DbAsync())
        {
            var stale = await db.Matters.SingleAsync(m => m.ReceivedAtUtc == new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
            Assert.Equal(MatterStatus.Registered, stale.Status);
            Assert.Null(stale.NextAlertAtUtc);
            var live = await db.Matters.SingleAsync(m => m.ReceivedAtUtc == new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc));
            Assert.Equal(MatterStatus.Dispatched, live.Status);
            Assert.Equal(new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc), live.NextAlertAtUtc);
        }

        // The recent one's due-soon alert still fires, once, when its time comes.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 0, 1, 0, TimeSpan.Zero));
        Assert.Equal(1, (await SweepAsync()).Alerts);
        Assert.Equal(0, (await SweepAsync()).Alerts);
    }

    [Fact]
    public async Task Should_report_a_file_without_the_expected_header()
    {
        var file = System.Text.Encoding.UTF8.GetBytes("案号,类型\r\n(2026)沪0199执501号,whereabouts\r\n");

        var report = await app.SendAsync(Import(file, data));

        var error = Assert.Single(report.Errors);
        Assert.Equal((1, LedgerFile.Header), (error.Row, error.Column));
        Assert.Contains("case_number", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_file_with_more_rows_than_one_import_takes()
    {
        var rows = Enumerable.Range(0, LedgerFile.MaxRows + 1).Select(i => With(FedBackRows[0], LedgerFile.TargetName, $"人{i}"));

        var report = await app.SendAsync(Import(Csv(rows), data));

        var error = Assert.Single(report.Errors);
        Assert.Equal((LedgerFile.MaxRows + 2, LedgerFile.Header), (error.Row, error.Column));
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Matters.CountAsync());
    }

    [Fact]
    public async Task Should_ask_for_a_judge_before_creating_cases_the_system_does_not_have()
    {
        var report = await app.SendAsync(Import(Csv(FedBackRows), data) with { JudgeId = null });

        Assert.Equal(6, report.Errors.Count(e => e.Column == LedgerFile.CaseNumber));
        Assert.False(report.Saved);
    }

    [Fact]
    public async Task Should_read_times_without_an_offset_as_shanghai_time()
    {
        Assert.True(LedgerCodes.TryParseTime("2026-11-10 08:00", out var local));
        Assert.True(LedgerCodes.TryParseTime("2026-11-10T08:00:00+08:00", out var offset));
        Assert.True(LedgerCodes.TryParseTime("2026-11-10T00:00:00Z", out var utc));
        Assert.False(LedgerCodes.TryParseTime("10/11/2026 08:00", out _));

        Assert.Equal(new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc), local);
        Assert.Equal(local, offset);
        Assert.Equal(local, utc);
        await Task.CompletedTask;
    }

    private async Task<DeadlineSweep.Result> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
    }

    private static async Task<T> WithCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
