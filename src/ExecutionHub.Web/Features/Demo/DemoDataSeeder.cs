using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// Seeds a realistic workstation: the Yangpu court, two streets with their communities and grids,
/// the 4+1+X organisation, an account per role, ~150 execution cases with Chinese parties, their
/// matters and milestones, and eight weeks of visits at each street's comprehensive window.
/// Every step looks before it writes, so a restart adds nothing. Generation is seeded, so every
/// fresh database gets the same data.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<AppUser> users,
    TimeProvider clock,
    IConfiguration configuration,
    KnownPasswordAccounts knownPasswords,
    ILogger<DemoDataSeeder> logger)
{
    public const int CaseCount = 150;
    public const int MatterCount = 80;

    private readonly Random random = new(20260701);

    public Task SeedAsync(CancellationToken cancellationToken = default) => SeedAsync(_ => { }, cancellationToken);

    /// <param name="stepDone">Called with each step's name as it finishes, for the start-up's timing log.</param>
    public async Task SeedAsync(Action<string> stepDone, CancellationToken cancellationToken)
    {
        var court = await SeedOrganisationAsync(cancellationToken);
        stepDone("demo organisation");
        await SeedUsersAsync(court, cancellationToken);
        stepDone("demo accounts");
        await SeedWorkingGroupMembersAsync(court, cancellationToken);
        await SeedCasesAsync(court, cancellationToken);
        stepDone("demo working groups and cases");
        await SeedMattersAsync(court, cancellationToken);
        stepDone("demo matters");
        await SeedMilestonesAsync(court, cancellationToken);
        await SeedWindowVisitsAsync(court, cancellationToken);
        stepDone("demo milestones and window visits");
        await SeedGroupWorkAsync(court, cancellationToken);
        await SeedMeetingsAsync(court, cancellationToken);
        await using var db = await HistoryAsync(cancellationToken);
        await DemoApiClient.SeedAsync(db, court, clock.GetUtcNow().UtcDateTime, cancellationToken);
        stepDone("demo group work, meetings and API client");
    }

    /// <summary>
    /// A context whose saves are history: the demo's matters were referred, dispatched and fed back
    /// long ago, so the hand-offs their domain methods record ring no bell and send no SMS.
    /// </summary>
    private async Task<AppDbContext> HistoryAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.SavesHistory = true;
        return db;
    }

    private Task SeedGroupWorkAsync(Court court, CancellationToken ct) =>
        InOneTransactionAsync(db => new DemoGroupWork(db, clock.GetUtcNow().UtcDateTime).SeedAsync(court.Id, ct), ct);

    /// <summary>A settlement with instalments, hard cases and joint meetings for 平凉路街道 (looks before it writes).</summary>
    private Task SeedMeetingsAsync(Court court, CancellationToken ct) =>
        InOneTransactionAsync(db => new DemoMeetings(db, clock.GetUtcNow().UtcDateTime).SeedAsync(court.Id, ct), ct);

    /// <summary>
    /// One step's saves in one transaction: a first start syncs the file once per step rather than
    /// once per save (the matters alone saved ~240 times), and a step cut short by a kill leaves
    /// nothing half-written for its look-before-write to mistake for done.
    /// </summary>
    private async Task InOneTransactionAsync(Func<AppDbContext, Task> step, CancellationToken ct)
    {
        await using var db = await HistoryAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await step(db);
        await transaction.CommitAsync(ct);
    }

    private async Task<Court> SeedOrganisationAsync(CancellationToken ct)
    {
        await using var db = await HistoryAsync(ct);
        var court = await db.Courts.SingleOrDefaultAsync(c => c.CaseCode == DemoAccounts.CourtCode, ct);
        if (court is not null)
        {
            return court;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        court = new Court { Name = DemoAccounts.CourtName, CaseCode = DemoAccounts.CourtCode };
        foreach (var (streetName, streetCode, communities) in DemoNames.Streets)
        {
            var street = new Street { Name = streetName, Code = streetCode };
            foreach (var ((communityName, _), index) in communities.Select((c, i) => (c, i)))
            {
                street.Communities.Add(new Community
                {
                    Name = communityName,
                    Code = DemoNames.CommunityCode(streetCode, index),
                    Grids = [new Grid { Name = $"{communityName}第1网格" }, new Grid { Name = $"{communityName}第2网格" }],
                });
            }

            court.Streets.Add(street);
        }

        db.Courts.Add(court);
        await db.SaveChangesAsync(ct);

        foreach (var street in court.Streets)
        {
            db.WorkingGroups.AddRange(
                new WorkingGroup { StreetId = street.Id, Kind = WorkingGroupKind.ExecutionInvestigation, Name = "执行调查组" },
                new WorkingGroup { StreetId = street.Id, Kind = WorkingGroupKind.DisputeResolution, Name = "多元解纷组" },
                new WorkingGroup { StreetId = street.Id, Kind = WorkingGroupKind.ExecutionPublicity, Name = "执行宣传组" },
                new WorkingGroup { StreetId = street.Id, Kind = WorkingGroupKind.HearingAndRelief, Name = "听证救助组" });
        }

        foreach (var (name, kind) in DemoAccounts.Agencies)
        {
            db.PartnerAgencies.Add(new PartnerAgency { CourtId = court.Id, Name = name, Kind = kind });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Demo organisation seeded: {Court}", court.Name);
        return court;
    }

    /// <summary>
    /// The demo accounts, in one transaction. Identity's password hash is deliberately slow (PBKDF2,
    /// 100,000 rounds) and one per account made this the slowest step of a first start; the accounts
    /// share one known password anyway, so it is hashed once and the hash reused. Each account is still
    /// saved on its own, in order: one save would insert them in key order (random ids), and later steps
    /// read the users in table order, so the seeded data would differ from one database to the next.
    /// </summary>
    private Task SeedUsersAsync(Court court, CancellationToken ct) => InOneTransactionAsync(async db =>
    {
        var streets = await db.Streets.Where(s => s.CourtId == court.Id).ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var grids = await db.Grids.Where(g => g.Community!.Street!.CourtId == court.Id).OrderBy(g => g.Id).ToListAsync(ct);
        var agencies = await db.PartnerAgencies.Where(a => a.CourtId == court.Id).ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var existing = (await db.Users.Select(u => u.NormalizedUserName).ToListAsync(ct)).ToHashSet();
        var password = configuration["Demo:Password"] ?? throw new InvalidOperationException("Demo:Password is not set.");
        string? hash = null;

        async Task AddAsync(string userName, string displayName, string role, Action<AppUser> scope)
        {
            var user = new AppUser
            {
                UserName = userName,
                NormalizedUserName = users.NormalizeName(userName),
                DisplayName = displayName,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = users.Options.Lockout.AllowedForNewUsers,
            };
            if (existing.Contains(user.NormalizedUserName))
            {
                return;
            }

            scope(user);
            if (hash is null)
            {
                foreach (var validator in users.PasswordValidators)
                {
                    Check(await validator.ValidateAsync(users, user, password), userName);
                }

                hash = users.PasswordHasher.HashPassword(user, password);

                // The banner on the first page would otherwise check this hash against the password once more.
                knownPasswords.RememberDemoPasswordHash(hash);
            }

            user.PasswordHash = hash;
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
            await db.SaveChangesAsync(ct);
        }

        foreach (var account in DemoAccounts.All)
        {
            var grid = account.Grid is null ? null : grids.Single(g => g.Name == account.Grid);
            await AddAsync(account.UserName, account.DisplayName, account.Role, user =>
            {
                user.CourtId = account.Role is Roles.Judge ? court.Id : null;
                user.StaffNumber = account.StaffNumber;
                user.StreetId = account.Street is null ? null : streets[account.Street];
                user.GridId = grid?.Id;
                user.PartnerAgencyId = account.Agency is null ? null : agencies[account.Agency];
            });
        }

        // Every other grid gets a worker of its own, so dispatch has somebody to choose.
        var named = DemoAccounts.All.Where(a => a.Grid is not null).Select(a => a.Grid).ToHashSet();
        var number = 1;
        foreach (var grid in grids.Where(g => !named.Contains(g.Name)))
        {
            var userName = DemoAccounts.GridWorkerUserName(number++);
            await AddAsync(userName, PersonName(), Roles.GridWorker, user => user.GridId = grid.Id);
        }
    }, ct);

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private async Task SeedWorkingGroupMembersAsync(Court court, CancellationToken ct)
    {
        await using var db = await HistoryAsync(ct);
        if (await db.WorkingGroupMembers.AnyAsync(ct))
        {
            return;
        }

        var groups = await db.WorkingGroups.Where(g => g.Street!.CourtId == court.Id).ToListAsync(ct);
        var gridStreets = await db.Grids.Select(g => new { g.Id, g.Community!.StreetId }).ToDictionaryAsync(g => g.Id, g => g.StreetId, ct);
        var streetStaff = (await db.Users.Where(u => u.StreetId != null || u.GridId != null).OrderBy(u => u.UserName).ToListAsync(ct))
            .Select(u => new { u.Id, StreetId = u.StreetId ?? gridStreets[u.GridId!.Value], IsGrid = u.GridId != null })
            .ToList();
        foreach (var group in groups)
        {
            var candidates = streetStaff.Where(s => s.StreetId == group.StreetId).ToList();
            var members = group.Kind == WorkingGroupKind.ExecutionInvestigation
                ? candidates
                : candidates.Where(c => !c.IsGrid).Concat(candidates.Where(c => c.IsGrid).Take(1));
            db.WorkingGroupMembers.AddRange(members.Select(m => new WorkingGroupMember { WorkingGroupId = group.Id, UserId = m.Id }));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedCasesAsync(Court court, CancellationToken ct)
    {
        await using var db = await HistoryAsync(ct);
        if (await db.Cases.AnyAsync(c => c.CourtId == court.Id, ct))
        {
            return;
        }

        var judges = await db.Users.Where(u => u.CourtId == court.Id).OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync(ct);
        var streets = await db.Streets.Where(s => s.CourtId == court.Id).Include(s => s.Communities).OrderBy(s => s.Id).ToListAsync(ct);
        var roads = DemoNames.Streets.SelectMany(s => s.Communities).ToDictionary(c => c.Community, c => c.Road);
        var now = clock.GetUtcNow().UtcDateTime;
        var serials = new HashSet<(int, int)>();

        // One developer owes many buyers: the pattern the street's risk warnings look for.
        var developer = Organisation("房地产", fixedWord: "宏盛");

        for (var i = 0; i < CaseCount; i++)
        {
            var street = streets[i % 5 < 3 ? 0 : streets.Count - 1];
            var community = street.Communities[random.Next(street.Communities.Count)];
            var cause = i < 8 ? DemoNames.Causes[2] : DemoNames.Causes[random.Next(DemoNames.Causes.Length)];
            var filed = DateOnly.FromDateTime(now).AddDays(-random.Next(10, 520));
            int serial;
            do
            {
                serial = random.Next(1000, 9999);
            }
            while (!serials.Add((filed.Year, serial)));

            var owed = Math.Round((decimal)(cause.Min + (random.NextDouble() * (cause.Max - cause.Min))), 2);
            var status = PickStatus();
            var recovered = status switch
            {
                CaseStatus.Paid or CaseStatus.Closed => owed,
                CaseStatus.Settled => Math.Round(owed * (decimal)(0.3 + (random.NextDouble() * 0.5)), 2),
                CaseStatus.InExecution => random.NextDouble() < 0.3 ? Math.Round(owed * (decimal)(random.NextDouble() * 0.4), 2) : 0m,
                _ => 0m,
            };

            var respondentIsOrg = i < 8 || random.NextDouble() < cause.OrgShare;
            var respondent = respondentIsOrg
                ? (i < 8 ? developer : Organisation(cause.Industry))
                : Person(PartyRole.Respondent, roads[community.Name]);
            respondent.Role = PartyRole.Respondent;
            if (respondentIsOrg)
            {
                respondent.Addresses = [$"上海市杨浦区{roads[community.Name]}{random.Next(100, 2000)}号"];
            }

            var kind = random.NextDouble() < 0.06 ? "执恢" : "执";
            db.Cases.Add(new ExecutionCase
            {
                CaseNumber = $"({filed.Year}){court.CaseCode}{kind}{serial}号",
                CourtId = court.Id,
                StreetId = street.Id,
                CommunityId = community.Id,
                JudgeId = judges[i % judges.Count],
                Cause = cause.Cause,
                Industry = cause.Industry,
                AmountOwed = owed,
                AmountRecovered = recovered,
                Status = status,
                FiledOn = filed,
                CreatedAtUtc = now,

                // The developer's buyers are a group; a few old-housing cases come from urban renewal.
                Tags = i < 8 ? CaseTags.GroupRelated : i % 29 == 3 ? CaseTags.UrbanRenewal : CaseTags.None,
                Parties = i < 8
                    ? [Person(PartyRole.Applicant, roads[community.Name]), Person(PartyRole.Applicant, roads[community.Name]), Clone(respondent)]
                    : [Person(PartyRole.Applicant, roads[community.Name]), respondent],
            });
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo cases seeded: {Count}", CaseCount);
    }

    private Task SeedMattersAsync(Court court, CancellationToken ct) => InOneTransactionAsync(async db =>
    {
        if (await db.Matters.AnyAsync(m => m.CourtId == court.Id, ct))
        {
            return;
        }

        await new DemoMatters(db, random, clock.GetUtcNow().UtcDateTime).SeedAsync(court.Id, MatterCount, ct);
        logger.LogInformation("Demo matters seeded: {Count}", MatterCount);
    }, ct);

    private Task SeedWindowVisitsAsync(Court court, CancellationToken ct) => InOneTransactionAsync(async db =>
    {
        if (await db.WindowVisits.AnyAsync(v => db.Streets.Any(s => s.Id == v.StreetId && s.CourtId == court.Id), ct))
        {
            return;
        }

        await new DemoWindowVisits(db, random, clock.GetUtcNow().UtcDateTime, PersonName, Phone).SeedAsync(court.Id, ct);
        logger.LogInformation("Demo window visits seeded");
    }, ct);

    /// <summary>Milestones that match each case's state: seizures and blacklistings while in execution, then settlement, payment or closure.</summary>
    private async Task SeedMilestonesAsync(Court court, CancellationToken ct)
    {
        await using var db = await HistoryAsync(ct);
        if (await db.Milestones.AnyAsync(m => db.Cases.Any(c => c.Id == m.CaseId && c.CourtId == court.Id), ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var cases = await db.Cases.Where(c => c.CourtId == court.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var judgeNames = await db.Users.Where(u => u.CourtId == court.Id).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var chinese = new CultureInfo(Cultures.Chinese);
        foreach (var @case in cases)
        {
            var span = Math.Max(1, today.DayNumber - @case.FiledOn.DayNumber);
            DateOnly Day(double share) => @case.FiledOn.AddDays((int)(span * share));
            void Add(MilestoneKind kind, DateOnly day, decimal? amount = null, string note = "")
            {
                // Recorded on the day it happened (10:00 in Shanghai) with its timeline line, as a judge recording it would leave it.
                var onTheDay = day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                var recordedAt = onTheDay < now ? onTheDay : now;
                var milestone = new CaseMilestone { CaseId = @case.Id, Kind = kind, OccurredOn = day, Amount = amount, Note = note, RecordedById = @case.JudgeId, RecordedAtUtc = recordedAt };
                db.Milestones.Add(milestone);
                db.Timeline.Add(new TimelineEntry
                {
                    CaseId = @case.Id,
                    AtUtc = recordedAt,
                    ActorId = @case.JudgeId,
                    ActorName = judgeNames[@case.JudgeId],
                    Event = "Timeline.MilestoneRecorded",
                    Detail = MilestoneRules.Describe(milestone, UiText.Get($"MilestoneKind.{kind}", chinese)),
                });
            }

            if (random.NextDouble() < 0.45)
            {
                Add(MilestoneKind.AssetSeizure, Day(0.2), Math.Round(@case.AmountOwed * 0.5m, 2), "冻结银行存款");
            }

            if (random.NextDouble() < 0.25)
            {
                Add(MilestoneKind.CreditBlacklisting, Day(0.35));
                Add(MilestoneKind.ConsumptionRestriction, Day(0.36));
            }

            switch (@case.Status)
            {
                case CaseStatus.Settled:
                    Add(MilestoneKind.Settlement, Day(0.6), @case.AmountOwed, "分期履行");
                    break;
                case CaseStatus.Paid:
                    Add(MilestoneKind.PaymentReceived, Day(0.7), @case.AmountRecovered);
                    Add(MilestoneKind.Closure, Day(0.8));
                    break;
                case CaseStatus.Closed or CaseStatus.Terminated:
                    Add(MilestoneKind.Closure, Day(0.8));
                    break;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private CaseStatus PickStatus()
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.62 => CaseStatus.InExecution,
            < 0.75 => CaseStatus.Settled,
            < 0.87 => CaseStatus.Paid,
            < 0.95 => CaseStatus.Terminated,
            _ => CaseStatus.Closed,
        };
    }

    private string PersonName() =>
        DemoNames.Surnames[random.Next(DemoNames.Surnames.Length)]
        + DemoNames.GivenNameChars[random.Next(DemoNames.GivenNameChars.Length)]
        + (random.NextDouble() < 0.7 ? DemoNames.GivenNameChars[random.Next(DemoNames.GivenNameChars.Length)] : "");

    private CaseParty Person(PartyRole role, string road)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 52));
        var first17 = string.Create(CultureInfo.InvariantCulture, $"310110{birth:yyyyMMdd}{random.Next(0, 1000):000}");
        return new CaseParty
        {
            Role = role,
            Kind = PartyKind.Person,
            Name = PersonName(),
            IdentityNumber = first17 + IdentityNumbers.ResidentIdCheckChar(first17),
            Phones = [Phone()],
            Addresses = [$"上海市杨浦区{road}{random.Next(1, 1500)}弄{random.Next(1, 60)}号{random.Next(1, 7)}0{random.Next(1, 5)}室"],
        };
    }

    private CaseParty Organisation(string industry, string? fixedWord = null)
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var tail = new string(Enumerable.Range(0, 9).Select(_ => chars[random.Next(chars.Length)]).ToArray());
        var first17 = $"91310110{tail}";
        var word = fixedWord ?? DemoNames.CompanyWords[random.Next(DemoNames.CompanyWords.Length)];
        return new CaseParty
        {
            Role = PartyRole.Respondent,
            Kind = PartyKind.Organisation,
            Name = $"上海{word}{DemoNames.CompanySuffixByIndustry[industry]}",
            IdentityNumber = first17 + IdentityNumbers.CreditCodeCheckChar(first17),
            Phones = [$"021-{random.Next(5000_0000, 6999_9999)}"],
            Addresses = [],
        };
    }

    private static CaseParty Clone(CaseParty party) => new()
    {
        Role = party.Role,
        Kind = party.Kind,
        Name = party.Name,
        IdentityNumber = party.IdentityNumber,
        Phones = [.. party.Phones],
        Addresses = [.. party.Addresses],
    };

    private string Phone() => $"1{"3578"[random.Next(4)]}{random.Next(0, 10)}{random.Next(0, 1_0000_0000):00000000}";
}
