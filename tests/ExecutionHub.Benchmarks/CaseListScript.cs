using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>Times ListCases (the /cases page) through the real mediator pipeline: first pages, filters, deep paging and searches.</summary>
internal static class CaseListScript
{
    public static async Task RunAsync(int matterCount, int iterations)
    {
        var path = await BenchDatabase.EnsureAsync(matterCount);
        var user = new BenchUser();
        await using var services = BenchDatabase.Services(path, user);
        await RunAsync(services, user, iterations);
    }

    public static async Task RunAsync(ServiceProvider services, BenchUser user, int iterations)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var coordinator = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
        var asCoordinator = new UserContext(coordinator.Id, coordinator.DisplayName, new HashSet<string> { Roles.Coordinator }, StreetId: coordinator.StreetId);
        var asJudge = new UserContext(judge.Id, judge.DisplayName, new HashSet<string> { Roles.Judge }, CourtId: judge.CourtId);

        // Search for what a judge would type: the full name of the respondent of the generated case
        // (not a demo one) active last in the coordinator's street, its surname alone, its case number
        // whole and its beginning.
        var sample = await db.Cases.Where(c => c.CourtId == judge.CourtId && c.StreetId == coordinator.StreetId && c.CaseNumber.StartsWith("(2024)"))
            .OrderByDescending(c => c.LastActivityAtUtc)
            .Select(c => new { c.CaseNumber, Name = c.Parties.Where(p => p.Role == PartyRole.Respondent).Select(p => p.Name).First() })
            .FirstAsync();
        var numberPrefix = sample.CaseNumber[..^3];
        Console.WriteLine(
            $"cases: {await db.Cases.CountAsync():N0} in all, {await db.Cases.CountAsync(c => c.CourtId == judge.CourtId):N0} in judge.wang's court, " +
            $"{await db.Cases.CountAsync(c => c.JudgeId == judge.Id):N0} his own, {await db.Cases.CountAsync(c => c.StreetId == coordinator.StreetId):N0} in coord.chen's street; " +
            $"parties: {await db.CaseParties.CountAsync():N0}; searching for {sample.Name}, {sample.Name[..1]}, {sample.CaseNumber} and {numberPrefix}");

        (string Name, UserContext As, ListCases Query)[] scenarios =
        [
            ("judge, my cases, page 1", asJudge, new ListCases()),
            ("judge, whole court, page 1", asJudge, new ListCases { WholeCourt = true }),
            ("judge, whole court, with open matters", asJudge, new ListCases { WholeCourt = true, OpenMattersOnly = true }),
            ("judge, whole court, status 'closed'", asJudge, new ListCases { WholeCourt = true, Status = CaseStatus.Closed }),
            ("judge, whole court, page 100 (deep)", asJudge, new ListCases { WholeCourt = true, Page = 100 }),
            ("judge, my cases, search party name", asJudge, new ListCases { Search = sample.Name }),
            ("judge, whole court, search party name", asJudge, new ListCases { WholeCourt = true, Search = sample.Name }),
            ("judge, whole court, search surname", asJudge, new ListCases { WholeCourt = true, Search = sample.Name[..1] }),
            ("judge, whole court, search case number", asJudge, new ListCases { WholeCourt = true, Search = sample.CaseNumber }),
            ("judge, whole court, case number prefix", asJudge, new ListCases { WholeCourt = true, Search = numberPrefix }),
            ("coordinator, street, page 1", asCoordinator, new ListCases()),
            ("coordinator, street, search party name", asCoordinator, new ListCases { Search = sample.Name }),
        ];

        Console.WriteLine($"{"case list scenario",-42} {"rows",6} {"total",9} {"median ms",10} {"p95 ms",8} {"max ms",8} {"load",6}");
        foreach (var (name, asUser, query) in scenarios)
        {
            user.Current = asUser;
            var (timing, page) = await Measure.TimeAsync(services, iterations, sender => sender.Send(query));
            Console.WriteLine($"{name,-42} {page.Rows.Count,6} {page.Total,9:N0} {timing.Median,10:0.0} {timing.P95,8:0.0} {timing.Max,8:0.0} {Measure.Load(),6}");
        }
    }
}
