using ExecutionHub.Tests.Features.Statistics;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Reports;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using static ExecutionHub.Tests.Features.Statistics.StatisticsText;

namespace ExecutionHub.Tests.Features.Reports;

/// <summary>
/// Reports of the hand-built street (<see cref="StatisticsScenario"/>): the first half of 2026 holds
/// its 13 cases (8 in 东居委 filed in March, 5 in 西居委 in June).
/// </summary>
public sealed class ReportWorkflowTests : IAsyncLifetime
{
    private static readonly DateOnly FirstHalf = new(2026, 1, 1);

    private TestApp app = default!;
    private StatisticsScenario scenario = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        scenario = await StatisticsScenario.CreateAsync(app);
        ActAs(Roles.Coordinator);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private HandBuiltData Data => scenario.Data;

    private void ActAs(string role, int? streetId = null) => Data.ActAsStreet(role, streetId ?? Data.Street.Id);

    private async Task<ReportView> DraftWhitePaperAsync()
    {
        var id = await app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.HalfYearWhitePaper, FirstHalf));
        return await app.SendAsync(new GetReport(id));
    }

    private async Task<ReportView> PublishAsync(ReportView draft)
    {
        var version = await app.SendAsync(new EditReportSuggestions(draft.Id, "加强民间借贷纠纷源头治理。", draft.Version));
        await app.SendAsync(new PublishReport(draft.Id, version));
        return await app.SendAsync(new GetReport(draft.Id));
    }

    private static string Total(ReportView report, string table) => Rows(report.Content.Table(table)!).Single(r => r.StartsWith("合计", StringComparison.Ordinal));

    /// <summary>Three more private-loan cases in 西居委, filed in May 2026: inside the white paper's half-year.</summary>
    private async Task AddThreeCasesAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            await Data.AddCaseAsync(Data.Judge, owed: 30_000m, filedOn: new DateOnly(2026, 5, 8), community: scenario.West);
        }
    }

    [Fact]
    public async Task A_reports_figures_are_the_street_statistics_of_its_period_with_the_same_suppression()
    {
        var report = await DraftWhitePaperAsync();
        ActAs(Roles.StreetOfficer);
        var statistics = await app.SendAsync(new GetStreetStatistics(new StatisticsPeriod(StatisticsPeriodKind.Custom, FirstHalf, new DateOnly(2026, 6, 1))));

        Assert.Equal(new PeriodDays(FirstHalf, new DateOnly(2026, 6, 30), 6), report.Content.Period);
        Assert.Equal(statistics.Tables.Select(t => t.Id), report.Content.Tables.Select(t => t.Id));
        Assert.All(statistics.Tables, table => Assert.Equal(Rows(table), Rows(report.Content.Table(table.Id)!)));
        Assert.Equal(
        [
            "民间借贷纠纷 | 10 | 150,000.00 | 55,000.00 | 36.7%",
            "买卖合同纠纷 | <3 | — | — | —",
            "服务合同纠纷 | <3 | — | — | —",
            "合计 | 13 | 255,000.00 | 55,000.00 | 21.6%",
        ], Rows(report.Content.Table("by-cause")!));
        Assert.Equal(ReportState.Draft, report.State);
        Assert.True(report.CanEdit);
        Assert.Empty(report.Content.Warnings!.Rows);
    }

    [Fact]
    public async Task The_warnings_section_holds_the_streets_warnings_of_the_period_as_aggregate_counts_with_small_ones_suppressed()
    {
        await using (var db = await app.DbAsync())
        {
            RiskWarning Warning(RiskRuleKind rule, WarningSeverity severity, int cases, decimal owed, DateOnly quarter, int streetId) => new()
            {
                Key = $"{rule}:{streetId}:{quarter}:{cases}",
                StreetId = streetId,
                Rule = rule,
                Severity = severity,
                PeriodStart = quarter,
                PeriodEnd = quarter.AddMonths(3).AddDays(-1),
                CaseCount = cases,
                AmountOwed = owed,
                Tag = CaseTags.UrbanRenewal,
                SuggestedAction = "排查资金链",
                CreatedAtUtc = TestApp.Start.UtcDateTime,
                EvidenceAtUtc = TestApp.Start.UtcDateTime,
            };
            db.RiskWarnings.AddRange(
                Warning(RiskRuleKind.RepeatRespondent, WarningSeverity.High, 4, 200_000m, new DateOnly(2026, 4, 1), Data.Street.Id),
                Warning(RiskRuleKind.TaggedCases, WarningSeverity.Medium, 1, 30_000m, new DateOnly(2026, 1, 1), Data.Street.Id),
                Warning(RiskRuleKind.MassDispute, WarningSeverity.High, 6, 90_000m, new DateOnly(2026, 7, 1), Data.Street.Id),
                Warning(RiskRuleKind.MassDispute, WarningSeverity.High, 5, 80_000m, new DateOnly(2026, 4, 1), scenario.North.Id));
            await db.SaveChangesAsync();
        }

        var report = await DraftWhitePaperAsync();

        // The third quarter's warning and the other street's are outside; the single tagged case is "<3" with no amount ("—").
        Assert.Equal(
        [
            "高 · 同一被执行人涉及多件未结案件 | 4 | 200,000.00",
            "中 · 重点关注案件：城市更新 | <3 | —",
        ], Rows(report.Content.Warnings!));
    }

    [Fact]
    public async Task A_published_report_shows_the_same_figures_after_new_cases_are_added()
    {
        var published = await PublishAsync(await DraftWhitePaperAsync());
        Assert.Equal("合计 | 13 | 255,000.00 | 55,000.00 | 21.6% | 0", Total(published, "by-community"));

        await AddThreeCasesAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));

        var later = await app.SendAsync(new GetReport(published.Id));
        Assert.Equal(ReportState.Published, later.State);
        Assert.Equal(published.Content.AsOfUtc, later.Content.AsOfUtc);
        Assert.Equal("合计 | 13 | 255,000.00 | 55,000.00 | 21.6% | 0", Total(later, "by-community"));
        Assert.All(published.Content.Tables, t => Assert.Equal(Rows(t), Rows(later.Content.Table(t.Id)!)));
        Assert.False(later.CanEdit);
    }

    [Fact]
    public async Task A_regenerated_draft_shows_the_cases_added_since_it_was_generated()
    {
        var draft = await DraftWhitePaperAsync();
        Assert.Equal("合计 | 13 | 255,000.00 | 55,000.00 | 21.6% | 0", Total(draft, "by-community"));

        await AddThreeCasesAsync();
        var unchanged = await app.SendAsync(new GetReport(draft.Id));
        Assert.Equal("合计 | 13 | 255,000.00 | 55,000.00 | 21.6% | 0", Total(unchanged, "by-community"));

        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.SendAsync(new RegenerateReportDraft(draft.Id, draft.Version));
        var regenerated = await app.SendAsync(new GetReport(draft.Id));

        // 16 cases: 255,000 + 3 × 30,000 owed.
        Assert.Equal("合计 | 16 | 345,000.00 | 55,000.00 | 15.9% | 0", Total(regenerated, "by-community"));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, regenerated.Content.AsOfUtc);
    }

    [Fact]
    public async Task A_published_report_refuses_edits_regeneration_and_a_second_publishing()
    {
        var published = await PublishAsync(await DraftWhitePaperAsync());

        var edit = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new EditReportSuggestions(published.Id, "改写", published.Version)));
        var regenerate = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new RegenerateReportDraft(published.Id, published.Version)));
        var publish = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new PublishReport(published.Id, published.Version)));

        Assert.All(new[] { edit, regenerate, publish }, e => Assert.Equal("Report.Error.Published", e.MessageKey));
        Assert.Equal("加强民间借贷纠纷源头治理。", (await app.SendAsync(new GetReport(published.Id))).Suggestions);
    }

    [Fact]
    public async Task Publishing_needs_the_coordinators_suggestions_first()
    {
        var draft = await DraftWhitePaperAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new PublishReport(draft.Id, draft.Version)));

        Assert.Equal("Report.Error.NoSuggestions", refused.MessageKey);
        Assert.Equal(ReportState.Draft, (await app.SendAsync(new GetReport(draft.Id))).State);
    }

    [Fact]
    public async Task The_same_street_kind_and_period_is_drafted_only_once()
    {
        await DraftWhitePaperAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => DraftWhitePaperAsync());

        Assert.Equal("Report.Error.Exists", refused.MessageKey);
        Assert.Single(await app.SendAsync(new ListReports()));
    }

    [Fact]
    public async Task A_period_must_start_a_month_quarter_or_half_year_and_have_begun()
    {
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.HalfYearWhitePaper, new DateOnly(2026, 4, 1))));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.QuarterlyPortrait, new DateOnly(2026, 2, 1))));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.MonthlyPortrait, new DateOnly(2026, 12, 1))));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.MonthlyPortrait, new DateOnly(2026, 10, 2))));
        Assert.Empty(await app.SendAsync(new ListReports()));
    }

    [Fact]
    public async Task A_street_officer_or_judge_may_not_draft_edit_or_publish()
    {
        var draft = await DraftWhitePaperAsync();
        foreach (var act in new Action[] { () => ActAs(Roles.StreetOfficer), () => Data.ActAs(Data.Judge, Roles.Judge) })
        {
            act();
            await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.MonthlyPortrait, new DateOnly(2026, 10, 1))));
            await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new EditReportSuggestions(draft.Id, "x", draft.Version)));
            await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RegenerateReportDraft(draft.Id, draft.Version)));
            await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new PublishReport(draft.Id, draft.Version)));
        }
    }

    [Fact]
    public async Task A_coordinator_of_another_street_can_neither_draft_nor_reach_this_streets_reports()
    {
        var draft = await DraftWhitePaperAsync();
        ActAs(Roles.Coordinator, scenario.North.Id);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.MonthlyPortrait, new DateOnly(2026, 10, 1))));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetReport(draft.Id)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new EditReportSuggestions(draft.Id, "x", draft.Version)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ExportReportDocx(draft.Id)));
        Assert.Empty(await app.SendAsync(new ListReports()));
    }

    [Fact]
    public async Task Street_officers_and_judges_read_published_reports_only_and_judges_of_another_court_none()
    {
        var draft = await DraftWhitePaperAsync();
        var publishedId = await app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.MonthlyPortrait, new DateOnly(2026, 10, 1)));
        await PublishAsync(await app.SendAsync(new GetReport(publishedId)));

        ActAs(Roles.StreetOfficer);
        Assert.Equal([publishedId], (await app.SendAsync(new ListReports())).Select(r => r.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new GetReport(draft.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new ExportReportXlsx(draft.Id)));
        Assert.Equal(ReportState.Published, (await app.SendAsync(new GetReport(publishedId))).State);

        Data.ActAs(Data.Judge, Roles.Judge);
        Assert.Equal([publishedId], (await app.SendAsync(new ListReports())).Select(r => r.Id));
        Assert.False((await app.SendAsync(new GetReport(publishedId))).CanEdit);

        Data.ActAs(scenario.ElsewhereJudge, Roles.Judge);
        Assert.Empty(await app.SendAsync(new ListReports()));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetReport(publishedId)));
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_state_newest_period_first()
    {
        var whitePaper = await DraftWhitePaperAsync();
        var october = await app.SendAsync(new GenerateReportDraft(Data.Street.Id, ReportKind.MonthlyPortrait, new DateOnly(2026, 10, 1)));
        await PublishAsync(await app.SendAsync(new GetReport(october)));

        Assert.Equal([october, whitePaper.Id], (await app.SendAsync(new ListReports())).Select(r => r.Id));
        Assert.Equal([whitePaper.Id], (await app.SendAsync(new ListReports(Kind: ReportKind.HalfYearWhitePaper))).Select(r => r.Id));
        Assert.Equal([october], (await app.SendAsync(new ListReports(State: ReportState.Published))).Select(r => r.Id));
        Assert.Empty(await app.SendAsync(new ListReports(ReportKind.QuarterlyPortrait, ReportState.Draft)));
    }
}
