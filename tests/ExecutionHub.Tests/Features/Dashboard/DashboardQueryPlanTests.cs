using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;

namespace ExecutionHub.Tests.Features.Dashboard;

/// <summary>
/// The dashboard's hot queries must be answered from indexes, whatever the data: a plan that
/// falls back to scanning the matters table (or sorting all its rows) is what turns 10 ms into a
/// second at a million matters. Checked on the real schema with SQLite's EXPLAIN QUERY PLAN.
/// </summary>
public sealed class DashboardQueryPlanTests : IAsyncLifetime
{
    private static readonly DateOnly First = new(2026, 11, 1);
    private static readonly DateOnly Last = new(2026, 11, 27);
    private static readonly DateTime Now = TestApp.Start.UtcDateTime;
    private TestApp app = default!;
    private AppDbContext db = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        db = await app.DbAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await app.DisposeAsync();
    }

    public static TheoryData<string> Scopes => ["court", "street"];

    private static DashboardScope Scope(string scope) => scope == "court" ? new DashboardScope(1, null) : new DashboardScope(null, 1);

    private IQueryable<Matter> Matters(string scope, DashboardFilter? filter = null) => db.Matters.InScope(Scope(scope), filter ?? new DashboardFilter());

    private IQueryable<MatterDayTally> Days(string scope) => db.MatterDayTallies.InScope(Scope(scope), new DashboardFilter());

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Should_sum_the_feedback_figures_from_the_covering_index_of_the_day_tallies(string scope)
    {
        var plan = await SqliteDatabase.QueryPlanAsync(GetHeadlineFiguresHandler.Totals(Days(scope), First, Last, First.DayNumber));
        var sinceOpened = await SqliteDatabase.QueryPlanAsync(GetHeadlineFiguresHandler.Totals(Days(scope), null, Last, First.DayNumber));

        AssertCovering(plan, scope == "court" ? "IX_MatterDayTallies_Court_Day" : "IX_MatterDayTallies_Street_Day");
        AssertCovering(sinceOpened, scope == "court" ? "IX_MatterDayTallies_Court_Day" : "IX_MatterDayTallies_Street_Day");
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Should_find_the_percentiles_hour_from_the_cycle_histogram_and_read_only_that_hour_of_the_cycle_index(string scope)
    {
        var histogram = await SqliteDatabase.QueryPlanAsync(GetHeadlineFiguresHandler.CycleHistogram(db.MatterCycleTallies.InScope(Scope(scope), new DashboardFilter())));
        var hour = await SqliteDatabase.QueryPlanAsync(GetHeadlineFiguresHandler.CyclesInHour(Matters(scope), 30).Skip(100));

        AssertCovering(histogram, scope == "court" ? "IX_MatterCycleTallies_Court_Hour" : "IX_MatterCycleTallies_Street_Hour");
        AssertCovering(hour, scope == "court" ? "IX_Matters_CourtId_FeedbackCycleSeconds" : "IX_Matters_StreetId_FeedbackCycleSeconds");
        Assert.Contains(hour, step => step.Contains("FeedbackCycleSeconds>? AND FeedbackCycleSeconds<?", StringComparison.Ordinal));
        Assert.DoesNotContain(hour, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Should_walk_the_cycle_index_for_a_percentile_since_the_workstation_opened(string scope)
    {
        var ranked = GetHeadlineFiguresHandler.RankedCycles(Matters(scope), null, Last, Last);
        var plan = await SqliteDatabase.QueryPlanAsync(ranked.Select(m => m.FeedbackCycleSeconds).OrderBy(c => c).Skip(1000));

        AssertCovering(plan, scope == "court" ? "IX_Matters_CourtId_FeedbackCycleSeconds" : "IX_Matters_StreetId_FeedbackCycleSeconds");
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Should_sum_the_chart_series_from_the_covering_index_of_the_day_tallies(string scope)
    {
        var plan = await SqliteDatabase.QueryPlanAsync(GetDashboardChartsHandler.DayGroups(Days(scope), null, Last));

        AssertCovering(plan, scope == "court" ? "IX_MatterDayTallies_Court_Day" : "IX_MatterDayTallies_Street_Day");
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Should_count_open_due_soon_and_overdue_matters_through_the_status_index(string scope)
    {
        var live = await SqliteDatabase.QueryPlanAsync(GetHeadlineFiguresHandler.Live(Matters(scope), Now));
        var running = await SqliteDatabase.QueryPlanAsync(GetDashboardQueuesHandler.Running(Matters(scope)));

        var index = scope == "court" ? "IX_Matters_CourtId_Status_DueAtUtc" : "IX_Matters_StreetId_Status_DueAtUtc";
        Assert.Contains(live, step => step.Contains(index, StringComparison.Ordinal));
        Assert.Contains(running, step => step.Contains(index, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_find_one_judges_open_matters_through_the_judge_status_index()
    {
        var running = await SqliteDatabase.QueryPlanAsync(GetDashboardQueuesHandler.Running(Matters("court", new DashboardFilter(JudgeId: "judge"))));

        Assert.Contains(running, step => step.Contains("IX_Matters_JudgeId_CourtId_Status_DueAtUtc", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_keep_the_open_states_first_so_open_matters_are_one_status_range()
    {
        var open = Enum.GetValues<MatterStatus>().Where(s => StandInCase.Receive(MatterType.DebtorWhereabouts, TestApp.Start.UtcDateTime, status: s).IsOpen);

        Assert.Equal(Enum.GetValues<MatterStatus>().Where(s => s <= ExecutionHub.Web.Features.Matters.MatterQueries.LastOpenStatus), open);
    }

    private static void AssertCovering(IReadOnlyList<string> plan, string indexPrefix) =>
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX " + indexPrefix, StringComparison.Ordinal));
}
