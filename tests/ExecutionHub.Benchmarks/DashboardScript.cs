using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Notifications;
using ExecutionHub.Web.Infrastructure.Time;
using ExecutionHub.Web.Startup;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// Times the dashboard's three queries through the real mediator pipeline, scenario by scenario,
/// and the headline figures also as one hand-written SQL query through Microsoft.Data.Sqlite:
/// prints median and p95 of each, the ratio to the hand-written query, and whether both give the
/// same figures. Targets (issue 5): every query under 100 ms, headline within 1.5x of the SQL.
/// </summary>
internal static class DashboardScript
{
    private const double TargetMs = 100;
    private const double TargetRatio = 1.5;

    public static async Task<int> RunAsync(int matterCount, int iterations)
    {
        var path = await BenchDatabase.EnsureAsync(matterCount);
        var user = new BenchUser();
        await using var services = BenchDatabase.Services(path, user);
        // A cached database from before the latest migrations gets them (indexes included) first.
        await services.InitialiseDatabaseAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var coordinator = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
        var street = await db.Streets.Where(s => s.CourtId == judge.CourtId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        Console.WriteLine($"matters: {await db.Matters.CountAsync():N0}; judge.wang's court {await db.Matters.CountAsync(m => m.CourtId == judge.CourtId):N0} ({await db.Matters.CountAsync(m => m.CourtId == judge.CourtId && m.FirstFedBackOn != null):N0} fed back); coord.chen's street {await db.Matters.CountAsync(m => m.StreetId == coordinator.StreetId):N0}");
        var asCoordinator = new UserContext(coordinator.Id, coordinator.DisplayName, new HashSet<string> { Roles.Coordinator }, StreetId: coordinator.StreetId);
        var asJudge = new UserContext(judge.Id, judge.DisplayName, new HashSet<string> { Roles.Judge }, CourtId: judge.CourtId);

        (string Name, UserContext As, DashboardFilter Filter)[] cases =
        [
            ("judge, this month", asJudge, new DashboardFilter(DashboardPeriod.ThisMonth)),
            ("judge, this quarter", asJudge, new DashboardFilter(DashboardPeriod.ThisQuarter)),
            ("judge, since opened", asJudge, new DashboardFilter(DashboardPeriod.SinceOpened)),
            ("judge, since opened, one street", asJudge, new DashboardFilter(DashboardPeriod.SinceOpened, StreetId: street)),
            ("judge, since opened, whereabouts", asJudge, new DashboardFilter(DashboardPeriod.SinceOpened, Type: MatterType.DebtorWhereabouts)),
            ("judge, this quarter, one judge", asJudge, new DashboardFilter(DashboardPeriod.ThisQuarter, JudgeId: judge.Id)),
            ("judge, custom 2025", asJudge, new DashboardFilter(DashboardPeriod.Custom, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))),
            ("coordinator, this week", asCoordinator, new DashboardFilter(DashboardPeriod.ThisWeek)),
            ("coordinator, since opened", asCoordinator, new DashboardFilter(DashboardPeriod.SinceOpened)),
        ];

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        Console.WriteLine($"{"scenario",-34} {"fed back",9} | {"headline",15} {"hand SQL",15} {"ratio",6} | {"queues",15} | {"charts",15} | same, load");
        Console.WriteLine($"{"",-34} {"",9} | {"median / p95 ms",15} {"median / p95 ms",15} {"",6} | {"median / p95 ms",15} | {"median / p95 ms",15} |");
        var failures = 0;
        foreach (var (name, asUser, filter) in cases)
        {
            user.Current = asUser;
            var (headline, figures) = await TimeAsync(services, iterations, new GetHeadlineFigures(filter));
            var (queues, _) = await TimeAsync(services, iterations, new GetDashboardQueues(filter));
            var (charts, _) = await TimeAsync(services, iterations, new GetDashboardCharts(filter));
            var (hand, sqlFigures) = await TimeHandSqlAsync(connection, iterations, DashboardScope.Of(asUser), filter);
            var ratio = headline.Median / hand.Median;
            var same = Same(figures, sqlFigures);
            var ok = headline.Median < TargetMs && queues.Median < TargetMs && charts.Median < TargetMs && ratio <= TargetRatio && same;
            failures += ok ? 0 : 1;
            Console.WriteLine($"{name,-34} {figures.FedBack,9:N0} | {headline,15} {hand,15} {ratio,6:0.00} | {queues,15} | {charts,15} | {(same ? "yes" : "NO")}  load {Measure.Load()}{(ok ? "" : "  <-- misses a target")}");
            if (!same)
            {
                Console.WriteLine($"    handler:  {figures}");
                Console.WriteLine($"    hand SQL: {sqlFigures}");
            }
        }

        Console.WriteLine($"load average at the end: {Measure.Load()}");
        Console.WriteLine(failures == 0
            ? $"every scenario: each query under {TargetMs} ms (median), headline within {TargetRatio}x of the hand-written SQL, same figures"
            : $"{failures} scenario(s) miss a target");
        return failures == 0 ? 0 : 1;
    }

    private sealed record Timing(double Median, double P95)
    {
        public override string ToString() => $"{Median,6:0.0} / {P95,6:0.0}";
    }

    private static Timing Summarise(List<double> timings)
    {
        timings.Sort();
        return new Timing(timings[timings.Count / 2], timings[(int)(timings.Count * 0.95)]);
    }

    private static async Task<(Timing, T)> TimeAsync<T>(ServiceProvider services, int iterations, IQuery<T> query)
    {
        // Each run as after a change: the shared snapshot of the last evaluation is stale, so the query runs
        // (without this, every run after the first was handed the first one's result).
        var feed = services.GetRequiredService<IMatterChangeFeed>();
        var (timing, result) = await Measure.TimeAsync(services, iterations, sender => sender.Send(query), () => feed.Publish(new MatterChange(new HashSet<int>(), new HashSet<int>(), Everywhere: true)));
        return (new Timing(timing.Median, timing.P95), result);
    }

    private static async Task<(Timing, HeadlineFigures)> TimeHandSqlAsync(SqliteConnection connection, int iterations, DashboardScope scope, DashboardFilter filter)
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var (first, last) = filter.Days(today);
        var now = DateTime.UtcNow;
        await using var command = connection.CreateCommand();
        command.CommandText = HeadlineSql(scope, filter);
        command.Parameters.AddWithValue("$first", first?.DayNumber ?? 0);
        command.Parameters.AddWithValue("$last", last.DayNumber);
        command.Parameters.AddWithValue("$week", LocalDay.WeekStart(today).DayNumber);
        command.Parameters.AddWithValue("$now", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$court", (object?)scope.CourtId ?? filter.CourtId ?? 0);
        command.Parameters.AddWithValue("$street", (object?)scope.StreetId ?? filter.StreetId ?? 0);
        command.Parameters.AddWithValue("$judge", filter.JudgeId ?? "");
        command.Parameters.AddWithValue("$type", (int?)filter.Type ?? 0);

        var timings = new List<double>();
        HeadlineFigures figures = default!;
        for (var i = 0; i < iterations + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                double? Nullable(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
                figures = new HeadlineFigures(first, last, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), Nullable(3), Nullable(4), Nullable(5), Nullable(6),
                    reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10));
            }

            if (i >= 3)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (Summarise(timings), figures);
    }

    /// <summary>
    /// The headline figures as one query over the same columns: the period's fed-back rows
    /// materialised once, ranked for the nearest-rank percentiles, plus the live counts.
    /// </summary>
    private static string HeadlineSql(DashboardScope scope, DashboardFilter filter)
    {
        var where = new StringBuilder(scope.CourtId is not null ? "CourtId = $court" : "StreetId = $street");
        if (scope.CourtId is not null && filter.StreetId is not null)
        {
            where.Append(" AND StreetId = $street");
        }

        if (scope.StreetId is not null && filter.CourtId is not null)
        {
            where.Append(" AND CourtId = $court");
        }

        if (filter.JudgeId is not null)
        {
            where.Append(" AND JudgeId = $judge");
        }

        if (filter.Type is not null)
        {
            where.Append(" AND Type = $type");
        }

        return $"""
            WITH f AS MATERIALIZED (
                SELECT Type, Outcome, FeedbackCycleSeconds AS c, FedBackOnTime AS o FROM Matters
                WHERE {where} AND FirstFedBackOn BETWEEN $first AND $last),
            n AS (SELECT COUNT(*) AS n FROM f),
            r AS (SELECT c, ROW_NUMBER() OVER (ORDER BY c) AS rn FROM f),
            live AS MATERIALIZED (
                SELECT DueAtUtc, DueSoonHours, PausedAtUtc FROM Matters WHERE {where} AND Status IN (1, 2, 3, 4))
            SELECT n.n,
                (SELECT COUNT(*) FROM f WHERE Type = 1 AND Outcome = 1),
                (SELECT COUNT(*) FROM f WHERE Type = 2 AND Outcome IS NOT NULL),
                (SELECT AVG(c) FROM f) / 3600.0,
                (SELECT AVG(o) FROM f),
                (SELECT c FROM r WHERE rn = (n.n + 1) / 2) / 3600.0,
                (SELECT c FROM r WHERE rn = (9 * n.n + 9) / 10) / 3600.0,
                (SELECT COUNT(*) FROM live),
                (SELECT COUNT(*) FROM live WHERE PausedAtUtc IS NULL AND DueAtUtc >= $now AND julianday(DueAtUtc) - DueSoonHours / 24.0 <= julianday($now)),
                (SELECT COUNT(*) FROM live WHERE PausedAtUtc IS NULL AND DueAtUtc < $now),
                (SELECT COUNT(*) FROM Matters WHERE {where} AND FirstFedBackOn >= $week)
            FROM n
            """;
    }

    /// <summary>The same figures, allowing for rounding in the last digits of the averages.</summary>
    private static bool Same(HeadlineFigures a, HeadlineFigures b)
    {
        static bool Close(double? x, double? y) => (x, y) switch
        {
            (null, null) => true,
            ({ } p, { } q) => Math.Abs(p - q) < 1e-6,
            _ => false,
        };

        return a.FedBack == b.FedBack && a.WhereaboutsVerified == b.WhereaboutsVerified && a.AssetCluesVerified == b.AssetCluesVerified
            && Close(a.AverageCycleHours, b.AverageCycleHours) && Close(a.OnTimeRate, b.OnTimeRate)
            && Close(a.MedianCycleHours, b.MedianCycleHours) && Close(a.Percentile90CycleHours, b.Percentile90CycleHours)
            && a.Open == b.Open && Math.Abs(a.DueSoon - b.DueSoon) <= 1 && Math.Abs(a.Overdue - b.Overdue) <= 1 && a.FedBackThisWeek == b.FedBackThisWeek;
    }
}
