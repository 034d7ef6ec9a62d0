using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>Times ListMatters, then ListCases, through the real mediator pipeline, scenario by scenario, printing median, p95 and max.</summary>
internal static class ListMattersScript
{
    public static async Task RunAsync(int matterCount, int iterations)
    {
        var path = await BenchDatabase.EnsureAsync(matterCount);
        var user = new BenchUser();
        await using var services = BenchDatabase.Services(path, user);
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var coordinator = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
        var worker = await db.Users.SingleAsync(u => u.UserName == "grid.liu");
        Console.WriteLine($"matters: {await db.Matters.CountAsync():N0} in the court, {await db.Matters.CountAsync(m => m.StreetId == coordinator.StreetId):N0} in coord.chen's street");
        var asCoordinator = new UserContext(coordinator.Id, coordinator.DisplayName, new HashSet<string> { Roles.Coordinator }, StreetId: coordinator.StreetId);
        var asJudge = new UserContext(judge.Id, judge.DisplayName, new HashSet<string> { Roles.Judge }, CourtId: judge.CourtId);

        (string Name, UserContext As, ListMatters Query)[] cases =
        [
            ("coordinator, newest first, page 1", asCoordinator, new ListMatters()),
            ("coordinator, overdue only", asCoordinator, new ListMatters { OverdueOnly = true }),
            ("coordinator, due within a day", asCoordinator, new ListMatters { DueWithinDay = true }),
            ("coordinator, by assignee", asCoordinator, new ListMatters { AssigneeId = worker.Id }),
            ("judge, court-wide, soonest due first", asJudge, new ListMatters { Sort = MatterSort.DueAsc }),
            ("judge, dispatched whereabouts", asJudge, new ListMatters { Statuses = [MatterStatus.Dispatched], Type = MatterType.DebtorWhereabouts }),
            ("judge, page 2,000 (deep paging)", asJudge, new ListMatters { Page = 2_000 }),
            ("judge, mine only", asJudge, new ListMatters { MineOnly = true }),
            ("judge, search by reference prefix", asJudge, new ListMatters { Search = "ZX-2026-B00012" }),
            ("judge, search by serial number", asJudge, new ListMatters { Search = "47" }),
            ("judge, search by case number", asJudge, new ListMatters { Search = "(2024)沪0110执1234号" }),
        ];

        Console.WriteLine($"{"scenario",-42} {"rows",6} {"total",9} {"median ms",10} {"p95 ms",8} {"max ms",8} {"load",6}");
        foreach (var (name, asUser, query) in cases)
        {
            user.Current = asUser;
            var (timing, page) = await Measure.TimeAsync(services, iterations, sender => sender.Send(query));
            Console.WriteLine($"{name,-42} {page.Rows.Count,6} {page.Total,9:N0} {timing.Median,10:0.0} {timing.P95,8:0.0} {timing.Max,8:0.0} {Measure.Load(),6}");
        }

        await CaseListScript.RunAsync(services, user, iterations);
    }
}
