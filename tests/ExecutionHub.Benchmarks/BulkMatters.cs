using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// The realistic data generator later issues reuse: matters (ten per case) spread over two years
/// across the demo court's streets, a third with a task, every status. As in a real workstation,
/// what is older than ten days is closed (or cancelled, or waiting for the judge) and the open work
/// is recent, with due times and next-alert times as the app would set them.
/// </summary>
internal static class BulkMatters
{
    public static async Task AddAsync(IServiceProvider services, int count)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var random = new Random(42);
        int courtId;
        int[] streets;
        string[] judges;
        string[] workers;
        await using (var db = await factory.CreateDbContextAsync())
        {
            courtId = await db.Courts.Select(c => c.Id).FirstAsync();
            streets = await db.Streets.Select(s => s.Id).ToArrayAsync();
            judges = await db.Users.Where(u => u.CourtId == courtId).Select(u => u.Id).ToArrayAsync();
            workers = await db.Users.Where(u => u.GridId != null).Select(u => u.Id).ToArrayAsync();
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        const int batch = 5_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var cases = new List<ExecutionCase>();
            for (var c = 0; c < Math.Min(batch, count - start) / 10; c++)
            {
                var serial = ((start / 10) + c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                cases.Add(new ExecutionCase
                {
                    CaseNumber = $"(2024)沪0110执{serial}号",
                    CourtId = courtId,
                    StreetId = streets[random.Next(streets.Length)],
                    JudgeId = judges[random.Next(judges.Length)],
                    Cause = "民间借贷纠纷",
                    Industry = "个人借贷",
                    AmountOwed = 10_000,
                    FiledOn = new DateOnly(2024, 1, 1),
                    CreatedAtUtc = now,
                    Parties = [new CaseParty { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = "测试", IdentityNumber = "110105194912310021" }],
                });
            }

            db.Cases.AddRange(cases);
            await db.SaveChangesAsync();
            var matters = new List<Matter>();
            foreach (var @case in cases)
            {
                for (var m = 0; m < 10; m++)
                {
                    var received = now.AddMinutes(-random.Next(0, 2 * 365 * 24 * 60));
                    var matter = new Matter
                    {
                        Reference = $"ZX-2026-B{start + matters.Count:0000000}",
                        Type = (MatterType)random.Next(1, 4),
                        Source = MatterSource.CourtExOfficio,
                        Status = StatusFor(now - received, random),
                        CaseId = @case.Id,
                        TargetPartyId = @case.Parties[0].Id,
                        StreetId = @case.StreetId,
                        CourtId = courtId,
                        JudgeId = @case.JudgeId,
                        ReceivedAtUtc = received,
                        DueAtUtc = received.AddHours(72),
                        Request = "核查",
                        CreatedById = @case.JudgeId,
                    };
                    if (random.Next(3) == 0)
                    {
                        matter.Tasks.Add(new VerificationTask
                        {
                            AssigneeId = workers[random.Next(workers.Length)],
                            AssignedAtUtc = received,
                            DueAtUtc = received.AddHours(48),
                            Status = matter.IsOpen ? VerificationTaskStatus.Assigned : VerificationTaskStatus.Accepted,
                        });
                    }

                    // Open matters wait for their next alert like real ones; closed ones never alert again.
                    matter.ScheduleAlerts();

                    matters.Add(matter);
                }
            }

            db.Matters.AddRange(matters);
            await db.SaveChangesAsync();
        }
    }

    private static MatterStatus StatusFor(TimeSpan age, Random random)
    {
        var roll = random.NextDouble();
        if (age > TimeSpan.FromDays(10))
        {
            return roll < 0.9 ? MatterStatus.Closed : roll < 0.95 ? MatterStatus.Cancelled : MatterStatus.FedBack;
        }

        return (MatterStatus)random.Next(1, 6);
    }
}
