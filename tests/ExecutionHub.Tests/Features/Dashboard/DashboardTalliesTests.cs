using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Dashboard;

/// <summary>
/// The dashboard sums per-day tallies kept beside the matters instead of walking every matter. Its figures must
/// stay exactly what the matters say, by their definitions, after any change: here a varied court (two streets,
/// two judges, every type, receipts and feedback either side of Shanghai midnight, cycles on whole hours and
/// repeated) is counted, then changed (fed back, returned and fed back with another outcome, closed, cancelled,
/// moved to another judge, street or type, deleted) and counted again, for every period and filter.
/// "Now" is Friday 2026-11-27 09:30 Shanghai.
/// </summary>
public sealed class DashboardTalliesTests : IAsyncLifetime
{
    private static readonly DateTime Now = TestApp.Start.UtcDateTime;
    private TestApp app = default!;
    private HandBuiltData data = default!;
    private Street otherStreet = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        await using var db = await app.DbAsync();
        otherStreet = new Street { Name = "另一街道", CourtId = data.Court.Id };
        db.Streets.Add(otherStreet);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Should_give_the_figures_the_matters_define_for_every_period_and_filter_after_matters_change()
    {
        var ids = await AddVariedMattersAsync();
        await AssertFiguresMatchTheMattersAsync("as added");

        await ChangeMattersAsync(ids);
        await AssertFiguresMatchTheMattersAsync("after the changes");
    }

    [Fact]
    public async Task Should_keep_the_tallies_equal_to_a_rebuild_from_the_matters_after_matters_change()
    {
        var ids = await AddVariedMattersAsync();
        await ChangeMattersAsync(ids);

        var kept = await TalliesAsync();
        await using (var db = await app.DbAsync())
        {
            await MatterTallies.RebuildAsync(db, default);
        }

        var rebuilt = await TalliesAsync();
        Assert.NotEmpty(rebuilt.Days);
        Assert.Equal(rebuilt.Days, kept.Days);
        Assert.Equal(rebuilt.Cycles, kept.Cycles);
    }

    [Fact]
    public async Task Should_rebuild_the_tallies_to_one_row_per_key_whatever_they_held()
    {
        await AddVariedMattersAsync();
        await using (var db = await app.DbAsync())
        {
            // A tally that drifted: the rebuild must replace it, not add to it.
            db.MatterDayTallies.Add(new MatterDayTally { Day = LocalDay.Of(Now), CourtId = data.Court.Id, StreetId = data.Street.Id, JudgeId = data.Judge.Id, Type = MatterType.DebtorWhereabouts, FedBack = 5 });
            await db.SaveChangesAsync();
            await MatterTallies.RebuildAsync(db, default);
            await MatterTallies.RebuildAsync(db, default);
        }

        await using var check = await app.DbAsync();
        var rows = await check.MatterDayTallies.ToListAsync();
        Assert.Equal(rows.Count, rows.Select(t => (t.Day, t.CourtId, t.StreetId, t.JudgeId, t.Type)).Distinct().Count());
        await AssertFiguresMatchTheMattersAsync("after a rebuild");
    }

    [Fact]
    public async Task Should_not_count_a_change_twice_when_its_save_fails_and_is_retried()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        var matter = await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Now.AddDays(-3), _ => { });
        await using var db = await app.DbAsync();
        var loaded = await db.Matters.SingleAsync(m => m.Id == matter.Id);
        loaded.JudgeId = "no such judge";
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        loaded.JudgeId = data.OtherJudge.Id;
        await db.SaveChangesAsync();

        var kept = await TalliesAsync();
        await MatterTallies.RebuildAsync(db, default);
        Assert.Equal((await TalliesAsync()).Days, kept.Days);
    }

    /// <summary>About 160 matters over the last 400 days, from a fixed seed; returns their ids.</summary>
    private async Task<List<int>> AddVariedMattersAsync()
    {
        var random = new Random(2026);
        var cases = new[]
        {
            await data.AddCaseAsync(data.Judge),
            await data.AddCaseAsync(data.OtherJudge),
            await data.AddCaseAsync(data.Judge, street: otherStreet),
            await data.AddCaseAsync(data.OtherJudge, street: otherStreet),
        };
        int[] cycleHours = [4, 10, 10, 24, 33, 33, 33, 48, 71, 72, 90, 150];
        var ids = new List<int>();
        for (var i = 0; i < 160; i++)
        {
            var @case = cases[i % cases.Length];
            var type = (MatterType)(i % 7 + 1);
            // Half of the receipts a minute either side of a Shanghai midnight (16:00 UTC), the rest anywhere in the day.
            var day = Now.Date.AddDays(-random.Next(0, 400));
            var received = i % 2 == 0 ? day.AddHours(16).AddMinutes(i % 4 == 0 ? -1 : 0) : day.AddMinutes(random.Next(0, 24 * 60));
            var cycle = TimeSpan.FromHours(cycleHours[random.Next(cycleHours.Length)]) + (i % 3 == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(random.Next(1, 3599)));
            var fedBack = received + cycle;
            var matter = await data.AddMatterAsync(@case, type, received, m =>
            {
                if (fedBack < Now && i % 5 != 0)
                {
                    if (i % 11 == 0)
                    {
                        m.Pause("当事人申请暂缓", received.AddHours(1));
                        m.Resume(received.AddHours(3));
                    }

                    HandBuiltData.FeedBack(m, fedBack, OutcomeFor(type, i));
                    if (i % 4 == 1)
                    {
                        m.Close(fedBack.AddHours(5) < Now ? fedBack.AddHours(5) : Now);
                    }
                }
            });
            ids.Add(matter.Id);
        }

        return ids;
    }

    private static MatterOutcome? OutcomeFor(MatterType type, int i)
    {
        var allowed = MatterOutcomes.AllowedFor(type);
        return allowed.Count == 0 ? null : allowed[i % allowed.Count];
    }

    /// <summary>Each change in its own save, as the handlers make them.</summary>
    private async Task ChangeMattersAsync(List<int> ids)
    {
        async Task ChangeAsync(int id, Action<Matter> change)
        {
            await using var db = await app.DbAsync();
            var matter = await db.Matters.Include(m => m.Tasks).SingleAsync(m => m.Id == id);
            change(matter);
            await db.SaveChangesAsync();
        }

        var at = Now.AddMinutes(-30);
        foreach (var id in ids.Take(40))
        {
            await using var db = await app.DbAsync();
            var matter = await db.Matters.AsNoTracking().SingleAsync(m => m.Id == id);
            switch (matter.Status)
            {
                case MatterStatus.FedBack:
                    // Returned and fed back again with another outcome: counted once, on its first day, with its latest outcome.
                    await ChangeAsync(id, m =>
                    {
                        m.ReturnForMoreWork("请补充走访", at);
                        m.MarkDispatched(at);
                        var allowed = MatterOutcomes.AllowedFor(m.Type);
                        m.Consolidate("补充反馈", allowed.Count == 0 ? null : allowed.First(o => o != m.Outcome), at);
                        m.FeedBack(at);
                    });
                    break;
                case MatterStatus.Closed:
                    await ChangeAsync(id, m => m.JudgeId = m.JudgeId == data.Judge.Id ? data.OtherJudge.Id : data.Judge.Id);
                    break;
                default:
                    // Open: fed back now (this week), or cancelled.
                    await ChangeAsync(id, m =>
                    {
                        if (id % 2 == 0)
                        {
                            HandBuiltData.FeedBack(m, at, OutcomeFor(m.Type, id));
                        }
                        else
                        {
                            m.Cancel("撤回", at);
                        }
                    });
                    break;
            }
        }

        foreach (var id in ids.Skip(40).Take(10))
        {
            await ChangeAsync(id, m => m.StreetId = m.StreetId == data.Street.Id ? otherStreet.Id : data.Street.Id);
        }

        foreach (var id in ids.Skip(50).Take(10))
        {
            // A type without outcomes, or the whereabouts one: what "verified" counts moves with it.
            await ChangeAsync(id, m => m.Type = m.Type == MatterType.HouseholdSurvey ? MatterType.DebtorWhereabouts : MatterType.HouseholdSurvey);
        }

        var fed = await FedBackOnAsync(ids.Skip(60).Take(10));
        foreach (var id in fed)
        {
            await ChangeAsync(id, m => m.Close(Now.AddMinutes(-5)));
        }

        await using (var db = await app.DbAsync())
        {
            var candidates = ids.Skip(70).ToList();
            var removable = await db.Matters.Where(m => candidates.Contains(m.Id) && !db.Tasks.Any(t => t.MatterId == m.Id)).Take(3).ToListAsync();
            db.Matters.RemoveRange(removable);
            await db.SaveChangesAsync();
        }
    }

    private async Task<List<int>> FedBackOnAsync(IEnumerable<int> ids)
    {
        await using var db = await app.DbAsync();
        var wanted = ids.ToList();
        return await db.Matters.Where(m => wanted.Contains(m.Id) && m.Status == MatterStatus.FedBack).Select(m => m.Id).ToListAsync();
    }

    private async Task AssertFiguresMatchTheMattersAsync(string when)
    {
        await using var db = await app.DbAsync();
        var matters = await db.Matters.AsNoTracking().ToListAsync();
        var today = ChinaTime.Today(app.Clock);
        DashboardFilter[] filters =
        [
            new(DashboardPeriod.ThisWeek),
            new(DashboardPeriod.ThisMonth),
            new(DashboardPeriod.ThisQuarter),
            new(DashboardPeriod.SinceOpened),
            new(DashboardPeriod.SinceOpened, StreetId: otherStreet.Id),
            new(DashboardPeriod.SinceOpened, JudgeId: data.OtherJudge.Id),
            new(DashboardPeriod.SinceOpened, Type: MatterType.DebtorWhereabouts),
            new(DashboardPeriod.SinceOpened, Type: MatterType.AssetClueVerification),
            new(DashboardPeriod.Custom, today.AddDays(-200), today.AddDays(-30)),
            new(DashboardPeriod.Custom, today.AddDays(-120), today.AddDays(-120)),
            new(DashboardPeriod.Custom, new DateOnly(2020, 1, 1), today.AddDays(-1)),
        ];
        var scopes = new (string Name, Action ActAs, Func<Matter, bool> Sees)[]
        {
            ("judge", () => data.ActAs(data.Judge, Roles.Judge), m => m.CourtId == data.Court.Id),
            ("coordinator", () => data.ActAsStreet(Roles.Coordinator, data.Street.Id), m => m.StreetId == data.Street.Id),
        };

        foreach (var (name, actAs, sees) in scopes)
        {
            actAs();
            foreach (var filter in filters)
            {
                var inScope = matters.Where(sees).Where(m => In(m, filter, name == "judge")).ToList();
                var label = $"{when}, {name}, {filter}";
                var figures = await app.SendAsync(new GetHeadlineFigures(filter));
                Assert.True(Expected(inScope, filter, today) == figures with { Open = 0, DueSoon = 0, Overdue = 0 }, $"{label}: {figures}");

                var (first, last) = filter.Days(today);
                var groups = await GetDashboardChartsHandler.DayGroups(db.MatterDayTallies.InScope(Scope(name), filter), first, last).ToListAsync();
                Assert.True(ExpectedGroups(inScope, first, last).SequenceEqual(groups.Where(g => g.Received != 0 || g.FedBack != 0).OrderBy(g => (g.Day, g.Street, g.Type))), label);
            }
        }
    }

    private DashboardScope Scope(string name) => name == "judge" ? new DashboardScope(data.Court.Id, null) : new DashboardScope(null, data.Street.Id);

    private static bool In(Matter m, DashboardFilter filter, bool courtScope) =>
        (filter.StreetId is null || !courtScope || m.StreetId == filter.StreetId)
        && (filter.JudgeId is null || m.JudgeId == filter.JudgeId)
        && (filter.Type is null || m.Type == filter.Type);

    /// <summary>The headline figures by their definitions (README), from the matters themselves; the live counts are left out (read from the matters as before).</summary>
    private static HeadlineFigures Expected(List<Matter> matters, DashboardFilter filter, DateOnly today)
    {
        var (first, last) = filter.Days(today);
        var fed = matters.Where(m => m.FirstFedBackOn is { } d && d >= (first?.DayNumber ?? 0) && d <= last.DayNumber).ToList();
        var cycles = fed.Select(m => m.FeedbackCycleSeconds ?? 0).Order().ToList();
        var (median, p90) = GetHeadlineFiguresHandler.Ranks(cycles);
        var weekStart = LocalDay.WeekStart(today).DayNumber;
        return new HeadlineFigures(
            first,
            last,
            fed.Count,
            fed.Count(m => m.Type == MatterType.DebtorWhereabouts && m.Outcome == MatterOutcome.Found),
            fed.Count(m => m.Type == MatterType.AssetClueVerification && m.Outcome != null),
            fed.Count == 0 ? null : cycles.Sum() / 3600.0 / fed.Count,
            fed.Count == 0 ? null : (double)fed.Count(m => m.FedBackOnTime == true) / fed.Count,
            median,
            p90,
            0,
            0,
            0,
            matters.Count(m => m.FirstFedBackOn >= weekStart));
    }

    /// <summary>The chart series before the tallies: referrals by day of receipt and feedback by day of first feedback, per street and type.</summary>
    private static IEnumerable<GetDashboardChartsHandler.DayGroup> ExpectedGroups(List<Matter> matters, DateOnly? first, DateOnly last)
    {
        var from = first?.DayNumber ?? 0;
        var received = matters.Where(m => m.ReceivedOn >= from && m.ReceivedOn <= last.DayNumber).Select(m => (Day: m.ReceivedOn, m.StreetId, m.Type, Received: 1, FedBack: 0, Cycle: 0L, OnTime: 0));
        var fedBack = matters.Where(m => m.FirstFedBackOn >= from && m.FirstFedBackOn <= last.DayNumber)
            .Select(m => (Day: m.FirstFedBackOn!.Value, m.StreetId, m.Type, Received: 0, FedBack: 1, Cycle: m.FeedbackCycleSeconds ?? 0, OnTime: m.FedBackOnTime == true ? 1 : 0));
        return received.Concat(fedBack)
            .GroupBy(r => (r.Day, r.StreetId, r.Type))
            .Select(g => new GetDashboardChartsHandler.DayGroup(g.Key.Day, (int)g.Key.Type, g.Key.StreetId, g.Sum(r => r.Received), g.Sum(r => r.FedBack), g.Sum(r => r.Cycle), g.Sum(r => r.OnTime)))
            .OrderBy(g => (g.Day, g.Street, g.Type))
            .ToList();
    }

    private sealed record Tallies(List<(int, int, int, string, MatterType, int, int, long, int, int, int)> Days, List<(int, int, int, string, MatterType, int)> Cycles);

    /// <summary>The tallies summed per key (the log of changes folded), keys that sum to nothing left out.</summary>
    private async Task<Tallies> TalliesAsync()
    {
        await using var db = await app.DbAsync();
        var days = (await db.MatterDayTallies.AsNoTracking().ToListAsync())
            .GroupBy(t => (t.Day, t.CourtId, t.StreetId, t.JudgeId, t.Type))
            .Select(g => (g.Key.Day, g.Key.CourtId, g.Key.StreetId, g.Key.JudgeId, g.Key.Type, g.Sum(t => t.Received), g.Sum(t => t.FedBack), g.Sum(t => t.CycleSeconds), g.Sum(t => t.OnTime), g.Sum(t => t.WhereaboutsFound), g.Sum(t => t.CluesVerified)))
            .Where(t => (t.Item6, t.Item7, t.Item8, t.Item9, t.Item10, t.Item11) != (0, 0, 0L, 0, 0, 0))
            .Order()
            .ToList();
        var cycles = (await db.MatterCycleTallies.AsNoTracking().ToListAsync())
            .GroupBy(t => (t.CycleHour, t.CourtId, t.StreetId, t.JudgeId, t.Type))
            .Select(g => (g.Key.CycleHour, g.Key.CourtId, g.Key.StreetId, g.Key.JudgeId, g.Key.Type, g.Sum(t => t.Count)))
            .Where(t => t.Item6 != 0)
            .Order()
            .ToList();
        return new Tallies(days, cycles);
    }
}
