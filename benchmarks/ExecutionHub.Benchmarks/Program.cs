using System.Diagnostics;
using System.Globalization;
using ExecutionHub.Benchmarks;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Infrastructure.Auth;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Measures the matter list (ListMatters through the real mediator pipeline) on a database with
// many matters. Usage: dotnet run -c Release --project benchmarks/ExecutionHub.Benchmarks -- [matters] [iterations]
var matterCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300_000;
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;

var folder = Path.Combine(Path.GetTempPath(), "executionhub-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:ExecutionHub"] = $"Data Source={Path.Combine(folder, "bench.db")}",
    ["Demo:Seed"] = "true",
    ["Demo:Password"] = "Bench#Pass2026",
}).Build();
var user = new BenchUser();
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IConfiguration>(configuration)
    .AddExecutionHubApplication(configuration, folder)
    .AddSingleton<ICurrentUser>(user)
    .BuildServiceProvider();

var setup = Stopwatch.StartNew();
await services.InitialiseDatabaseAsync();
await BulkMatters.AddAsync(services, matterCount);
Console.WriteLine($"setup: {matterCount:N0} matters in {setup.Elapsed.TotalSeconds:0.0} s");

var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
await using (var db = await factory.CreateDbContextAsync())
{
    var coordinator = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
    var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
    var worker = await db.Users.SingleAsync(u => u.UserName == "grid.liu");
    var total = await db.Matters.CountAsync();
    var inStreet = await db.Matters.CountAsync(m => m.StreetId == coordinator.StreetId);
    Console.WriteLine($"matters: {total:N0} in the court, {inStreet:N0} in coord.chen's street");
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

    Console.WriteLine($"{"scenario",-42} {"rows",6} {"total",9} {"median ms",10} {"p95 ms",8} {"max ms",8}");
    foreach (var (name, asUser, query) in cases)
    {
        user.Current = asUser;
        var timings = new List<double>();
        MatterListPage? page = null;
        for (var i = 0; i < iterations + 3; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var watch = Stopwatch.StartNew();
            page = await sender.Send(query);
            if (i >= 3)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        Console.WriteLine($"{name,-42} {page!.Rows.Count,6} {page.Total,9:N0} {timings[timings.Count / 2],10:0.0} {timings[(int)(timings.Count * 0.95)],8:0.0} {timings[^1],8:0.0}");
    }
}

await services.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
