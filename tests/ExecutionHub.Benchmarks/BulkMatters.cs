using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// The realistic data generator later issues reuse. Besides the demo court it adds two more
/// district courts with four streets each (communities, grids, judges, coordinators, grid
/// workers), then matters (ten per case) spread over two years across every court and street, a
/// third with a task, every status. As in a real workstation, what is older than ten days is closed
/// (or cancelled, or waiting for the judge) and the open work is recent, with due times and
/// next-alert times as the app would set them. Each case has a respondent and an applicant with
/// generated Chinese names (for the case list's name search) and its latest activity at its newest
/// matter's receipt or feedback.
/// </summary>
internal static class BulkMatters
{
    private sealed record Place(int CourtId, string CourtCode, int StreetId, string[] Judges, string[] Workers);

    private static readonly (string Court, string Code, string[] Streets)[] ExtraCourts =
    [
        ("上海市普陀区人民法院", "沪0107", ["长寿路街道", "曹家渡街道", "甘泉路街道", "石泉路街道"]),
        ("上海市长宁区人民法院", "沪0105", ["华阳路街道", "江苏路街道", "新华路街道", "天山路街道"]),
    ];

    public static async Task AddAsync(IServiceProvider services, int count)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var random = new Random(42);

        // Names from a generator of their own, so the matters are the same as before names were added.
        var names = new Random(7);
        await AddCourtsAsync(factory);
        var places = await PlacesAsync(factory);

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        const int batch = 5_000;
        var serials = places.Select(p => p.CourtCode).Distinct().ToDictionary(c => c, _ => 0);
        for (var start = 0; start < count; start += batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // Generated matters are history: nobody is told of them.
            db.SavesHistory = true;
            var cases = new List<(ExecutionCase Case, Place Place)>();
            for (var c = 0; c < Math.Min(batch, count - start) / 10; c++)
            {
                var place = places[random.Next(places.Count)];
                var serial = (++serials[place.CourtCode]).ToString(CultureInfo.InvariantCulture);
                cases.Add((new ExecutionCase
                {
                    CaseNumber = $"(2024){place.CourtCode}执{serial}号",
                    CourtId = place.CourtId,
                    StreetId = place.StreetId,
                    JudgeId = place.Judges[random.Next(place.Judges.Length)],
                    Cause = "民间借贷纠纷",
                    Industry = "个人借贷",
                    AmountOwed = 10_000,
                    FiledOn = new DateOnly(2024, 1, 1),
                    CreatedAtUtc = now,
                    Parties =
                    [
                        new CaseParty { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = PersonName(names), IdentityNumber = "110105194912310021" },
                        new CaseParty { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = PersonName(names), IdentityNumber = "" },
                    ],
                }, place));
            }

            db.Cases.AddRange(cases.Select(c => c.Case));
            await db.SaveChangesAsync();
            var matters = new List<Matter>();
            foreach (var (@case, place) in cases)
            {
                var latest = DateTime.MinValue;
                for (var m = 0; m < 10; m++)
                {
                    var received = now.AddMinutes(-random.Next(0, 2 * 365 * 24 * 60));
                    var type = (MatterType)random.Next(1, 8);
                    var status = StatusFor(now - received, random);
                    var matter = Matter.Receive(@case, @case.Parties[0], type, MatterSource.CourtExOfficio, $"ZX-2026-B{start + matters.Count:0000000}", received, @case.JudgeId, "核查");
                    matter.ForceStatus(status);
                    if (random.Next(3) == 0)
                    {
                        matter.Tasks.Add(new VerificationTask
                        {
                            AssigneeId = place.Workers[random.Next(place.Workers.Length)],
                            AssignedAtUtc = received,
                            DueAtUtc = received.AddHours(48),
                            Status = matter.IsOpen ? VerificationTaskStatus.Assigned : VerificationTaskStatus.Accepted,
                        });
                    }

                    if (matter.Status is MatterStatus.FedBack or MatterStatus.Closed)
                    {
                        // Most feedback comes within the 72 hours, some days late, like the article's figures.
                        // Never later than now: a recent matter fed back already had a short cycle.
                        var cycle = TimeSpan.FromMinutes(random.Next(4 * 60, random.NextDouble() < 0.85 ? 72 * 60 : 160 * 60));
                        cycle = cycle < now - received ? cycle : (now - received) / 2;
                        var allowed = MatterOutcomes.AllowedFor(matter.Type);
                        var outcome = allowed.Count == 0 ? (MatterOutcome?)null : allowed[random.Next(allowed.Count)];
                        matter.RecordPastFeedback("核查完毕", outcome, received + cycle, now);
                    }

                    // Open matters wait for their next alert like real ones; closed ones never alert again.
                    matter.ScheduleAlerts();
                    matters.Add(matter);
                    latest = new[] { latest, received, matter.FedBackAtUtc ?? received }.Max();
                }

                // No timeline here, so the case's latest activity is set as its matters would have left it.
                db.Entry(@case).Property(c => c.LastActivityAtUtc).CurrentValue = DateTime.SpecifyKind(latest, DateTimeKind.Utc);
            }

            db.Matters.AddRange(matters);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Two more courts, each with streets, communities, grids and the people who work there (no passwords: they never sign in).</summary>
    private static async Task AddCourtsAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        foreach (var (name, code, streetNames) in ExtraCourts)
        {
            var court = new Court { Name = name, CaseCode = code };
            foreach (var streetName in streetNames)
            {
                var street = new Street { Name = streetName };
                for (var c = 1; c <= 3; c++)
                {
                    street.Communities.Add(new Community { Name = $"{streetName[..2]}{c}居委", Grids = [new Grid { Name = $"{streetName[..2]}{c}居委第1网格" }, new Grid { Name = $"{streetName[..2]}{c}居委第2网格" }] });
                }

                court.Streets.Add(street);
            }

            db.Courts.Add(court);
            await db.SaveChangesAsync();

            for (var j = 1; j <= 2; j++)
            {
                AddUser(db, roles, $"bench.{code}.judge{j}", Roles.Judge, now, u => u.CourtId = court.Id);
            }

            foreach (var street in court.Streets)
            {
                AddUser(db, roles, $"bench.{code}.{street.Id}.coord", Roles.Coordinator, now, u => u.StreetId = street.Id);
                foreach (var grid in street.Communities.SelectMany(c => c.Grids))
                {
                    AddUser(db, roles, $"bench.{code}.grid{grid.Id}", Roles.GridWorker, now, u => u.GridId = grid.Id);
                }
            }

            await db.SaveChangesAsync();
        }
    }

    private static void AddUser(AppDbContext db, Dictionary<string, string> roles, string userName, string role, DateTime now, Action<AppUser> scope)
    {
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName, CreatedAtUtc = now, SecurityStamp = Guid.NewGuid().ToString() };
        scope(user);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
    }

    private static async Task<List<Place>> PlacesAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var courts = await db.Courts.ToListAsync();
        var streets = await db.Streets.ToListAsync();
        var judges = await db.Users.Where(u => u.CourtId != null).Select(u => new { u.Id, u.CourtId }).ToListAsync();
        var workers = await db.Users.Where(u => u.GridId != null).Select(u => new { u.Id, u.Grid!.Community!.StreetId }).ToListAsync();
        return streets.Select(s => new Place(
                s.CourtId,
                courts.Single(c => c.Id == s.CourtId).CaseCode,
                s.Id,
                judges.Where(j => j.CourtId == s.CourtId).Select(j => j.Id).ToArray(),
                workers.Where(w => w.StreetId == s.Id).Select(w => w.Id).ToArray()))
            .ToList();
    }

    private static readonly string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static readonly string GivenCharacters = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰春梅海波宁东林文斌宇浩凯鹏辉晨欣怡佳琳雪婷丹晶颖慧";

    /// <summary>A surname and one or two given characters: about a hundred surnames, some names shared as real ones are.</summary>
    private static string PersonName(Random random)
    {
        var name = Surnames[random.Next(Surnames.Length)].ToString() + GivenCharacters[random.Next(GivenCharacters.Length)];
        return random.Next(3) == 0 ? name : name + GivenCharacters[random.Next(GivenCharacters.Length)];
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
