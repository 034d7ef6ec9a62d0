using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Auth;

namespace ExecutionHub.Tests.Features.Cases;

/// <summary>
/// The case list's page must come from walking an index in order, whatever the data: a plan that
/// sorts the court's cases (a TEMP B-TREE), reads their rows for a status or looks into every case's
/// matters turns a few milliseconds into most of a second at 100,000 cases. Checked on the real
/// schema with EXPLAIN QUERY PLAN.
/// </summary>
public sealed class CaseListQueryPlanTests : IAsyncLifetime
{
    private static readonly UserContext Judge = new("judge", "法官", new HashSet<string> { Roles.Judge }, CourtId: 1);
    private static readonly UserContext Coordinator = new("coordinator", "协调员", new HashSet<string> { Roles.Coordinator }, StreetId: 1);

    private TestApp app = default!;
    private AppDbContext db = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        db = await app.DbAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await app.DisposeAsync();
    }

    private Task<IReadOnlyList<string>> PagePlanAsync(UserContext me, ListCases query) =>
        SqliteDatabase.QueryPlanAsync(ListCasesHandler.Newest(ListCasesHandler.Filter(db, me, query)).Select(c => c.Id).Skip(100).Take(25));

    [Theory]
    [InlineData(false, "IX_Cases_JudgeId_CourtId_LastActivityAtUtc_Status")]
    [InlineData(true, "IX_Cases_CourtId_LastActivityAtUtc_Status")]
    public async Task Should_page_a_judges_cases_by_walking_their_activity_index_without_sorting(bool wholeCourt, string index)
    {
        var plan = await PagePlanAsync(Judge, new ListCases { WholeCourt = wholeCourt });

        AssertUses(plan, "USING COVERING INDEX " + index);
        AssertNoSort(plan);
    }

    [Fact]
    public async Task Should_page_a_coordinators_street_by_walking_its_activity_index_without_sorting()
    {
        var plan = await PagePlanAsync(Coordinator, new ListCases());

        AssertUses(plan, "USING COVERING INDEX IX_Cases_StreetId_LastActivityAtUtc_Status");
        AssertNoSort(plan);
    }

    [Fact]
    public async Task Should_filter_and_count_by_status_from_the_activity_index_alone()
    {
        var page = await PagePlanAsync(Judge, new ListCases { WholeCourt = true, Status = CaseStatus.Settled });
        var count = await SqliteDatabase.QueryPlanAsync(ListCasesHandler.Filter(db, Judge, new ListCases { WholeCourt = true, Status = CaseStatus.Settled }).Select(c => c.Id));

        AssertUses(page, "USING COVERING INDEX IX_Cases_CourtId_LastActivityAtUtc_Status");
        AssertUses(count, "USING COVERING INDEX IX_Cases_CourtId_LastActivityAtUtc_Status");
        AssertNoSort(page);
    }

    [Theory]
    [InlineData(Roles.Judge, "IX_Matters_CourtId_Status_DueAtUtc")]
    [InlineData(Roles.Coordinator, "IX_Matters_StreetId_Status_DueAtUtc")]
    public async Task Should_find_the_cases_with_an_open_matter_through_the_scopes_open_matters(string role, string index)
    {
        var plan = await PagePlanAsync(role == Roles.Judge ? Judge : Coordinator, new ListCases { WholeCourt = true, OpenMattersOnly = true });

        AssertUses(plan, "LIST SUBQUERY");
        AssertUses(plan, index + " (" + (role == Roles.Judge ? "CourtId" : "StreetId") + "=? AND Status<?)");
        AssertNoSort(plan);
    }

    [Fact]
    public async Task Should_find_a_partys_name_on_the_name_index()
    {
        var plan = await PagePlanAsync(Judge, new ListCases { WholeCourt = true, Search = "张三" });

        AssertUses(plan, "USING COVERING INDEX IX_CaseParties_Name_CaseId");
    }

    [Theory]
    [InlineData("(2025)沪0110执1234号")]
    [InlineData("(2025)沪0110执12")]
    public async Task Should_find_a_case_number_or_its_beginning_on_the_case_number_index(string search)
    {
        var plan = await PagePlanAsync(Judge, new ListCases { WholeCourt = true, Search = search });

        AssertUses(plan, "IX_Cases_CaseNumber");
    }

    private static void AssertUses(IReadOnlyList<string> plan, string index) =>
        Assert.True(plan.Any(step => step.Contains(index, StringComparison.Ordinal)), $"expected {index} in:\n{string.Join('\n', plan)}");

    /// <summary>No sort of the rows found; putting the few with the same activity time in id order ("RIGHT PART") is fine.</summary>
    private static void AssertNoSort(IReadOnlyList<string> plan) =>
        Assert.False(plan.Any(step => step.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)), $"a sort in:\n{string.Join('\n', plan)}");
}
