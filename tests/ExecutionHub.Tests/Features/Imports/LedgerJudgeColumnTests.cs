using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Features.Imports;
using ExecutionHub.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using static ExecutionHub.Tests.Features.Imports.LedgerScenario;

namespace ExecutionHub.Tests.Features.Imports;

/// <summary>
/// The ledger's optional <c>judge</c> column (issue 18.2): a case new to ExecutionHub takes the judge its rows name, by user
/// name (or staff number or id) among the court's active judges; the import's judge is only the fallback. Court 沪0199:
/// judges j1 (法官甲) and j2 (法官乙).
/// </summary>
public sealed class LedgerJudgeColumnTests : IAsyncLifetime
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

    /// <summary>The file with the judge column last, <paramref name="judges"/> giving each row's cell.</summary>
    private static byte[] WithJudges(string[][] rows, params string[] judges) =>
        Csv([.. rows.Select((r, i) => r.Append(judges[i]).ToArray())], withJudge: true);

    [Fact]
    public async Task New_cases_take_the_judge_their_rows_name_and_fall_back_to_the_imports_judge()
    {
        var rows = FedBackRows.Take(4).ToArray();

        // Rows 2 and 3 share case 501: the second row's judge names it, as the first row names none.
        var report = await app.SendAsync(Import(WithJudges(rows, "", "j2", "", "j2"), data));

        Assert.True(report.Saved, string.Join("; ", report.Errors.Select(e => e.Reason)));
        await using var db = await app.DbAsync();
        var judges = await db.Cases.Where(c => c.CourtId == data.Court.Id).ToDictionaryAsync(c => c.CaseNumber, c => c.JudgeId);
        Assert.Equal(data.OtherJudge.Id, judges["(2026)沪0199执501号"]);
        Assert.Equal(data.Judge.Id, judges["(2026)沪0199执502号"]);
        Assert.Equal(data.OtherJudge.Id, judges["(2026)沪0199执503号"]);
    }

    [Fact]
    public async Task With_a_judge_on_every_row_no_judge_for_new_cases_is_needed()
    {
        var report = await app.SendAsync(new ImportLedger(WithJudges(FedBackRows.Take(1).ToArray(), "j1"), LedgerFormat.Csv, "台账.csv", false, JudgeId: null));

        Assert.True(report.Saved, string.Join("; ", report.Errors.Select(e => e.Reason)));
    }

    [Fact]
    public async Task A_judge_the_court_does_not_have_is_a_row_error_naming_the_value_and_the_courts_judges()
    {
        var report = await app.SendAsync(Import(WithJudges(FedBackRows.Take(2).ToArray(), "j2", "nobody"), data));

        Assert.False(report.Saved);
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, LedgerFile.Judge, "nobody"), (error.Row, error.Column, error.Value));
        Assert.Equal(["j1", "j2"], error.Allowed);
        Assert.Equal("ledger.unknown_judge", ApiErrorCodes.ForRow(error.Key));
    }

    [Fact]
    public async Task A_case_an_import_creates_awaits_completion_and_is_left_out_of_the_case_statistics()
    {
        var report = await app.SendAsync(Import(Csv(FedBackRows), data));
        var registered = await data.AddCaseAsync(data.Judge, filedOn: new DateOnly(2026, 11, 5));
        var november = new PeriodDays(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 1);

        Assert.True(report.Saved);
        await using var after = await app.DbAsync();
        var imported = await after.Cases.Where(c => c.CourtId == data.Court.Id && c.Id != registered.Id).ToListAsync();
        Assert.Equal(5, imported.Count);
        Assert.All(imported, c => Assert.True(c.AwaitsCompletion));
        Assert.False((await after.Cases.SingleAsync(c => c.Id == registered.Id)).AwaitsCompletion);
        var groups = await StatisticsData.CasesAsync(after, [data.Street.Id], november, CancellationToken.None);
        Assert.Equal(1, groups.Sum(g => g.Count));
    }
}
