using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Dashboard;

/// <summary>
/// Hand-built matters with hand-computed figures. "Now" is Friday 2026-11-27 09:30 Shanghai
/// (01:30 UTC); this month is 1–27 November, this week 23–27 November (Shanghai days).
/// </summary>
public sealed class HeadlineFiguresTests : IAsyncLifetime
{
    private TestApp app = default!;
    private HandBuiltData data = default!;

    // 2026-11-10 08:00 Shanghai.
    private static readonly DateTime Nov10 = new(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Judge);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private Task<HeadlineFigures> FiguresAsync(DashboardFilter? filter = null) =>
        app.SendAsync(new GetHeadlineFigures(filter ?? new DashboardFilter(DashboardPeriod.ThisMonth)));

    [Fact]
    public async Task Should_show_no_figure_rather_than_zero_for_an_empty_period()
    {
        var figures = await FiguresAsync();

        Assert.Equal(0, figures.FedBack);
        Assert.Null(figures.AverageCycleHours);
        Assert.Null(figures.OnTimeRate);
        Assert.Null(figures.MedianCycleHours);
        Assert.Null(figures.Percentile90CycleHours);
    }

    [Fact]
    public async Task Should_count_whereabouts_found_and_clues_concluded_and_average_the_cycle()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        // Whereabouts: found after 10 h, found after 30 h, not found after 50 h.
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(10), MatterOutcome.Found));
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(30), MatterOutcome.Found));
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(50), MatterOutcome.NotFound));
        // Asset clue: not confirmed after 80 h (late: due at 72 h) still counts as verified.
        await data.AddMatterAsync(@case, MatterType.AssetClueVerification, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(80), MatterOutcome.NotConfirmed));
        // Still open: received, not fed back.
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, _ => { });

        var figures = await FiguresAsync();

        Assert.Equal(4, figures.FedBack);
        Assert.Equal(2, figures.WhereaboutsVerified);
        Assert.Equal(1, figures.AssetCluesVerified);
        Assert.Equal((10 + 30 + 50 + 80) / 4.0, figures.AverageCycleHours);
        Assert.Equal(3 / 4.0, figures.OnTimeRate);
        // Nearest rank: median is the 2nd of 4 (30 h), the 90th percentile the 4th (80 h).
        Assert.Equal(30, figures.MedianCycleHours);
        Assert.Equal(80, figures.Percentile90CycleHours);
    }

    [Fact]
    public async Task Should_leave_a_paused_interval_out_of_the_feedback_cycle()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        // Received, paused from 5 h to 25 h (20 h), fed back at 45 h: a 25-hour cycle, on time (due moved to 92 h).
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m =>
        {
            m.Pause("当事人申请暂缓", Nov10.AddHours(5));
            m.Resume(Nov10.AddHours(25));
            HandBuiltData.FeedBack(m, Nov10.AddHours(45), MatterOutcome.Found);
        });

        var figures = await FiguresAsync();

        Assert.Equal(25, figures.AverageCycleHours);
        Assert.Equal(25, figures.MedianCycleHours);
        Assert.Equal(1.0, figures.OnTimeRate);
    }

    [Fact]
    public async Task Should_count_a_returned_then_refed_matter_once_with_its_first_cycle()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m =>
        {
            HandBuiltData.FeedBack(m, Nov10.AddHours(20), MatterOutcome.NotFound);
            m.ReturnForMoreWork("请补充走访", Nov10.AddHours(22));
            m.Tasks.Clear();
            HandBuiltData.FeedBack(m, Nov10.AddHours(60), MatterOutcome.Found);
        });

        var figures = await FiguresAsync();

        Assert.Equal(1, figures.FedBack);
        Assert.Equal(1, figures.WhereaboutsVerified);
        Assert.Equal(20, figures.AverageCycleHours);
    }

    [Fact]
    public async Task Should_leave_out_matters_fed_back_outside_the_period_or_the_filter()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        var otherJudgesCase = await data.AddCaseAsync(data.OtherJudge);
        var october = new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc);
        // Received 31 Oct 20:00 Shanghai, fed back 1 Nov 02:00 Shanghai: in November by its feedback day.
        var halloween = new DateTime(2026, 10, 31, 12, 0, 0, DateTimeKind.Utc);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, october, m => HandBuiltData.FeedBack(m, october.AddHours(12), MatterOutcome.Found));
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, halloween, m => HandBuiltData.FeedBack(m, halloween.AddHours(6), MatterOutcome.Found));
        await data.AddMatterAsync(@case, MatterType.AssetClueVerification, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(40), MatterOutcome.Confirmed));
        await data.AddMatterAsync(otherJudgesCase, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(8), MatterOutcome.Found));

        var month = await FiguresAsync();
        var myCases = await FiguresAsync(new DashboardFilter(DashboardPeriod.ThisMonth, JudgeId: data.Judge.Id));
        var whereaboutsOnly = await FiguresAsync(new DashboardFilter(DashboardPeriod.ThisMonth, Type: MatterType.DebtorWhereabouts));
        var october20 = await FiguresAsync(new DashboardFilter(DashboardPeriod.Custom, new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 31)));
        var sinceOpened = await FiguresAsync(new DashboardFilter(DashboardPeriod.SinceOpened));

        Assert.Equal((3, 2, 1), (month.FedBack, month.WhereaboutsVerified, month.AssetCluesVerified));
        Assert.Equal((2, 1, 1), (myCases.FedBack, myCases.WhereaboutsVerified, myCases.AssetCluesVerified));
        Assert.Equal((6 + 40) / 2.0, myCases.AverageCycleHours);
        Assert.Equal((2, 2, 0), (whereaboutsOnly.FedBack, whereaboutsOnly.WhereaboutsVerified, whereaboutsOnly.AssetCluesVerified));
        Assert.Equal(1, october20.FedBack);
        Assert.Equal(12, october20.AverageCycleHours);
        Assert.Equal(4, sinceOpened.FedBack);
    }

    [Fact]
    public async Task Should_not_count_another_courts_matters_for_a_judge_nor_another_streets_for_a_coordinator()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(8), MatterOutcome.Found));

        data.ActAs(data.Judge, Roles.Judge);
        var ownCourt = await FiguresAsync();
        app.User.Current = app.User.Current with { CourtId = data.Court.Id + 1000 };
        var otherCourt = await FiguresAsync(new DashboardFilter(DashboardPeriod.ThisMonth, CourtId: data.Court.Id));
        data.ActAsStreet(Roles.Coordinator, data.Street.Id);
        var ownStreet = await FiguresAsync();
        data.ActAsStreet(Roles.Coordinator, data.Street.Id + 1000);
        var otherStreet = await FiguresAsync(new DashboardFilter(DashboardPeriod.ThisMonth, StreetId: data.Street.Id));

        Assert.Equal((1, 0, 1, 0), (ownCourt.FedBack, otherCourt.FedBack, ownStreet.FedBack, otherStreet.FedBack));
    }

    [Fact]
    public async Task Should_count_open_due_soon_and_overdue_matters_now_whatever_the_period()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        var now = TestApp.Start.UtcDateTime;
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, now.AddHours(-80), _ => { });            // overdue by 8 h
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, now.AddHours(-60), _ => { });            // due in 12 h: due soon
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, now.AddHours(-10), _ => { });            // due in 62 h
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, now.AddHours(-90), m => m.Pause("暂缓", now.AddHours(-80))); // paused: clock stopped
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, now.AddHours(-30), m => HandBuiltData.FeedBack(m, now.AddHours(-2), MatterOutcome.Found));

        var figures = await FiguresAsync(new DashboardFilter(DashboardPeriod.Custom, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)));

        Assert.Equal((4, 1, 1), (figures.Open, figures.DueSoon, figures.Overdue));
        Assert.Equal(1, figures.FedBackThisWeek);
        Assert.Equal(0, figures.FedBack);
    }

    [Fact]
    public async Task Should_refuse_a_custom_range_that_ends_before_it_starts()
    {
        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            FiguresAsync(new DashboardFilter(DashboardPeriod.Custom, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 1))));

        Assert.Contains(refused.Errors, e => e.PropertyName.EndsWith("To", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_rank_the_same_percentiles_whether_the_cycles_are_read_at_once_or_walked_in_the_index()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        int[] hours = [5, 70, 12, 33, 33, 90, 48, 7, 61];
        foreach (var h in hours)
        {
            await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(h), MatterOutcome.Found));
        }

        await using var db = await app.DbAsync();
        var fedBack = db.Matters.InScope(new DashboardScope(data.Court.Id, null), new DashboardFilter()).FedBackBetween(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 27));
        var readAtOnce = GetHeadlineFiguresHandler.Ranks(await fedBack.Select(m => m.FeedbackCycleSeconds ?? 0).OrderBy(c => c).ToListAsync());
        var walked = await GetHeadlineFiguresHandler.CyclesAtRanksAsync(fedBack, hours.Length, default);

        // Sorted: 5 7 12 33 33 48 61 70 90; ranks ⌈4.5⌉ = 5 and ⌈8.1⌉ = 9.
        Assert.Equal((33.0, 90.0), (readAtOnce.Median, readAtOnce.Percentile90));
        Assert.Equal(readAtOnce, walked);
    }
}
