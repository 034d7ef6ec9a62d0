using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Warnings;
using FluentValidation;

namespace ExecutionHub.Tests.Features.Warnings;

/// <summary>Each rule with data just below and just above its threshold (the shipped defaults unless a test tunes them).</summary>
public sealed class RiskRuleTests
{
    [Fact]
    public async Task One_company_in_two_open_cases_within_the_window_raises_nothing_and_in_three_raises_a_repeat_respondent_warning()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        await s.OnlyAsync(RiskRuleKind.RepeatRespondent);
        await s.AddCaseAsync(owed: 1_000_000m);
        await s.AddCaseAsync(owed: 1_200_000m);
        await s.AddCaseAsync(status: CaseStatus.Paid);                                   // not open
        await s.AddCaseAsync(filedOn: WarningScenario.Today.AddDays(-366));               // outside 365 days
        await s.AddCaseAsync(street: s.OtherStreet);                                      // another street

        await s.RunAsync();
        Assert.Empty(await s.WarningsAsync());

        await s.AddCaseAsync(owed: 1_000_000m, filedOn: WarningScenario.Today.AddDays(-365));
        await s.RunAsync();

        var warning = Assert.Single(await s.WarningsAsync());
        Assert.Equal((RiskRuleKind.RepeatRespondent, s.Data.Street.Id, 3, 3_200_000m), (warning.Rule, warning.StreetId, warning.CaseCount, warning.AmountOwed));
        Assert.Equal((PartyKind.Organisation, "房地产", WarningSeverity.High, WarningState.New), (warning.RespondentKind, warning.Industry, warning.Severity, warning.State));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (warning.PeriodStart, warning.PeriodEnd));
        Assert.DoesNotContain(WarningScenario.Company, warning.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Companies_only_ignores_an_individual_in_as_many_cases()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        await s.OnlyAsync(RiskRuleKind.RepeatRespondent);
        await s.TuneAsync(RiskRuleKind.RepeatRespondent, r => r.OrganisationsOnly = true);
        for (var i = 0; i < 3; i++)
        {
            await s.AddCaseAsync(respondent: "310110198502023456", kind: PartyKind.Person, respondentName: "张三丰");
        }

        await s.RunAsync();
        Assert.Empty(await s.WarningsAsync());

        await s.TuneAsync(RiskRuleKind.RepeatRespondent, r => r.OrganisationsOnly = false);
        await s.RunAsync();
        Assert.Equal(PartyKind.Person, Assert.Single(await s.WarningsAsync()).RespondentKind);
    }

    [Fact]
    public async Task Four_distinct_applicants_against_one_respondent_raise_nothing_and_five_raise_a_mass_dispute_warning()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        await s.OnlyAsync(RiskRuleKind.MassDispute);
        await s.AddCaseAsync(applicants: [WarningScenario.Applicant(1), WarningScenario.Applicant(2)]);
        await s.AddCaseAsync(applicants: [WarningScenario.Applicant(2), WarningScenario.Applicant(3), WarningScenario.Applicant(4)]); // applicant 2 twice: counted once
        await s.AddCaseAsync(applicants: [WarningScenario.Applicant(5)], status: CaseStatus.Closed);                              // not open

        await s.RunAsync();
        Assert.Empty(await s.WarningsAsync());

        await s.AddCaseAsync(applicants: [WarningScenario.Applicant(5)]);
        await s.RunAsync();

        var warning = Assert.Single(await s.WarningsAsync());
        Assert.Equal((RiskRuleKind.MassDispute, 5, 3, 300_000m), (warning.Rule, warning.ApplicantCount, warning.CaseCount, warning.AmountOwed));
    }

    [Fact]
    public async Task An_industry_fifty_percent_above_last_quarter_raises_a_spike_just_at_the_threshold_and_not_below_or_under_the_minimum()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        await s.OnlyAsync(RiskRuleKind.IndustrySpike);
        var lastQuarter = new DateOnly(2026, 8, 15);
        for (var i = 0; i < 4; i++)
        {
            await s.AddCaseAsync(respondent: $"9131011000000000{i:00}", industry: "餐饮", filedOn: lastQuarter, status: CaseStatus.Paid);
        }

        for (var i = 0; i < 5; i++)
        {
            await s.AddCaseAsync(respondent: $"9131011000000001{i:00}", industry: "餐饮", filedOn: new DateOnly(2026, 10, 2 + i));
        }

        // 1 → 4 is +300% but under the minimum of 5 cases.
        await s.AddCaseAsync(respondent: "913101100000000300", industry: "物流", filedOn: lastQuarter);
        for (var i = 0; i < 4; i++)
        {
            await s.AddCaseAsync(respondent: $"9131011000000004{i:00}", industry: "物流");
        }

        await s.RunAsync();
        Assert.Empty(await s.WarningsAsync());   // 餐饮 5 vs 4 is +25%, below 50%

        await s.AddCaseAsync(respondent: "913101100000000500", industry: "餐饮", filedOn: WarningScenario.Today);
        await s.RunAsync();

        var warning = Assert.Single(await s.WarningsAsync());
        Assert.Equal((RiskRuleKind.IndustrySpike, "餐饮", 6, 4), (warning.Rule, warning.Industry, warning.CaseCount, warning.PreviousCount));
    }

    [Fact]
    public void A_spike_needs_the_minimum_count_and_the_percentage_and_a_new_industry_counts_once_it_reaches_the_minimum()
    {
        Assert.True(RiskWarningEvaluator.IsSpike(6, 4, 5, 50));
        Assert.False(RiskWarningEvaluator.IsSpike(5, 4, 5, 50));
        Assert.False(RiskWarningEvaluator.IsSpike(4, 1, 5, 50));
        Assert.True(RiskWarningEvaluator.IsSpike(5, 0, 5, 50));
        Assert.False(RiskWarningEvaluator.IsSpike(4, 0, 5, 50));
    }

    [Fact]
    public async Task One_open_urban_renewal_case_raises_nothing_under_a_threshold_of_two_and_a_second_raises_a_tagged_cases_warning()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        await s.OnlyAsync(RiskRuleKind.TaggedCases);
        await s.TuneAsync(RiskRuleKind.TaggedCases, r => r.Threshold = 2);
        await s.AddCaseAsync(respondent: "913101100000000601", tags: CaseTags.UrbanRenewal, owed: 50_000m);
        await s.AddCaseAsync(respondent: "913101100000000602", tags: CaseTags.UrbanRenewal, status: CaseStatus.Terminated);
        await s.AddCaseAsync(respondent: "913101100000000603", tags: CaseTags.GroupRelated);
        await s.AddCaseAsync(respondent: "913101100000000604");

        await s.RunAsync();
        Assert.Empty(await s.WarningsAsync());

        await s.AddCaseAsync(respondent: "913101100000000605", tags: CaseTags.UrbanRenewal | CaseTags.GroupRelated, owed: 70_000m);
        await s.RunAsync();

        var warnings = await s.WarningsAsync();
        Assert.Equal(2, warnings.Count);
        var renewal = warnings.Single(w => w.Tag == CaseTags.UrbanRenewal);
        Assert.Equal((2, 120_000m), (renewal.CaseCount, renewal.AmountOwed));
        Assert.Equal(2, warnings.Single(w => w.Tag == CaseTags.GroupRelated).CaseCount);
    }

    [Fact]
    public async Task A_disabled_rule_raises_nothing()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        await s.OnlyAsync(RiskRuleKind.TaggedCases);
        await s.TuneAsync(RiskRuleKind.TaggedCases, r => r.Enabled = false);
        await s.AddCaseAsync(tags: CaseTags.UrbanRenewal);

        await s.RunAsync();

        Assert.Empty(await s.WarningsAsync());
    }

    [Fact]
    public async Task The_administrator_cannot_save_a_threshold_of_zero_or_an_empty_action_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);

        await Assert.ThrowsAsync<ValidationException>(() => s.TuneAsync(RiskRuleKind.MassDispute, r => r.Threshold = 0));
        await Assert.ThrowsAsync<ValidationException>(() => s.TuneAsync(RiskRuleKind.MassDispute, r => r.SuggestedAction = "  "));

        app.User.Current = s.AdministratorContext;
        var rule = (await app.SendAsync(new GetRiskRules())).Single(r => r.Kind == RiskRuleKind.MassDispute);
        Assert.Equal(5, rule.Threshold);
        Assert.False(string.IsNullOrWhiteSpace(rule.SuggestedAction));
    }
}
