using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Statistics;

/// <summary>
/// A street built by hand for the statistics tests; "today" is 2026-11-27 in Shanghai, so this year
/// runs 2026-01-01 to 2026-11-27 and the previous period 2025-01-01 to 2025-11-27.
/// <code>
/// 测试街道 (court 测试区人民法院)      cause (industry)           status (recovered)
///   测试居委   no cases
///   东居委     5 × 民间借贷 10,000         3 settled (5,000 each), 2 in execution
///              2 × 买卖合同 50,000 (批发零售)   in execution, one blacklisted
///              1 × 服务合同  5,000 (生活服务)   in execution
///              (all 8 filed 2026-03-15)
///   西居委     5 × 民间借贷 20,000         2 paid (20,000 each), 3 in execution; 4 seized
///              (filed 2026-06-20)
///   previous period: 4 × 民间借贷 20,000 in 西居委, filed 2025-05-10
/// matters, all on 东居委 cases, received 2026-11-10 08:00:
///   4 whereabouts, fed back after 10, 30, 50 and 80 h (the last late), each with one task of
///     东一网格 answered 5, 20, 41 and 60 h after dispatch (the last past its 48 h)
///   3 asset clues, not yet fed back
/// 北街道 (same court): 3 cases in 北居委. 他街道 (another court): 4 cases in 他居委.
/// </code>
/// </summary>
public sealed class StatisticsScenario
{
    public static readonly DateTime Nov10 = new(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);

    private StatisticsScenario(HandBuiltData data) => Data = data;

    public HandBuiltData Data { get; }

    public Community East { get; private set; } = default!;
    public Community West { get; private set; } = default!;
    public Grid EastGrid { get; private set; } = default!;
    public Street North { get; private set; } = default!;
    public Street Elsewhere { get; private set; } = default!;
    public AppUser ElsewhereJudge { get; private set; } = default!;
    public List<ExecutionCase> Cases { get; } = [];

    public static async Task<StatisticsScenario> CreateAsync(TestApp app)
    {
        var scenario = new StatisticsScenario(await new HandBuiltData(app).WithOrganisationAsync());
        await scenario.BuildAsync(app);
        return scenario;
    }

    private async Task BuildAsync(TestApp app)
    {
        var data = Data;
        await using (var db = await app.DbAsync())
        {
            East = new Community { Name = "东居委", StreetId = data.Street.Id, Grids = [new Grid { Name = "东一网格" }] };
            West = new Community { Name = "西居委", StreetId = data.Street.Id, Grids = [new Grid { Name = "西一网格" }] };
            North = new Street { Name = "北街道", CourtId = data.Court.Id, Communities = [new Community { Name = "北居委" }] };
            var otherCourt = new Court { Name = "他区人民法院", CaseCode = "沪0198" };
            Elsewhere = new Street { Name = "他街道", Court = otherCourt, Communities = [new Community { Name = "他居委" }] };
            ElsewhereJudge = new AppUser { UserName = "j3", DisplayName = "法官丙", CreatedAtUtc = TestApp.Start.UtcDateTime };
            db.AddRange(East, West, North, Elsewhere, ElsewhereJudge);
            await db.SaveChangesAsync();
            ElsewhereJudge.CourtId = otherCourt.Id;
            await db.SaveChangesAsync();
            EastGrid = East.Grids[0];
        }

        var march = new DateOnly(2026, 3, 15);
        var june = new DateOnly(2026, 6, 20);
        for (var i = 0; i < 5; i++)
        {
            Cases.Add(await data.AddCaseAsync(data.Judge, i < 3 ? CaseStatus.Settled : CaseStatus.InExecution, 10_000m, i < 3 ? 5_000m : 0m, filedOn: march, community: East));
        }

        for (var i = 0; i < 2; i++)
        {
            Cases.Add(await data.AddCaseAsync(data.Judge, owed: 50_000m, cause: "买卖合同纠纷", industry: "批发零售", filedOn: march, community: East));
        }

        Cases.Add(await data.AddCaseAsync(data.Judge, owed: 5_000m, cause: "服务合同纠纷", industry: "生活服务", filedOn: march, community: East));
        for (var i = 0; i < 5; i++)
        {
            Cases.Add(await data.AddCaseAsync(data.Judge, i < 2 ? CaseStatus.Paid : CaseStatus.InExecution, 20_000m, i < 2 ? 20_000m : 0m, filedOn: june, community: West));
        }

        for (var i = 0; i < 4; i++)
        {
            await data.AddCaseAsync(data.Judge, owed: 20_000m, filedOn: new DateOnly(2025, 5, 10), community: West);
        }

        await using (var db = await app.DbAsync())
        {
            var north = await db.Communities.SingleAsync(c => c.Name == "北居委");
            var elsewhere = await db.Communities.SingleAsync(c => c.Name == "他居委");
            for (var i = 0; i < 3; i++)
            {
                await data.AddCaseAsync(data.OtherJudge, filedOn: march, street: North, community: north);
            }

            for (var i = 0; i < 4; i++)
            {
                await data.AddCaseAsync(ElsewhereJudge, filedOn: march, street: Elsewhere, community: elsewhere);
            }

            var west = Cases.Where(c => c.CommunityId == West.Id).ToList();
            db.Milestones.AddRange(west.Take(4).Select(c => Milestone(c, MilestoneKind.AssetSeizure)));
            db.Milestones.Add(Milestone(Cases[5], MilestoneKind.CreditBlacklisting));
            await db.SaveChangesAsync();
        }

        double[] fedBackAfter = [10, 30, 50, 80];
        double[] answeredAfter = [5, 20, 41, 60];
        for (var i = 0; i < 4; i++)
        {
            var (fedBack, answered) = (fedBackAfter[i], answeredAfter[i]);
            await data.AddMatterAsync(Cases[i], MatterType.DebtorWhereabouts, Nov10, m =>
            {
                var dispatched = Nov10.AddHours(1);
                m.MarkDispatched(dispatched);
                m.Tasks.Add(new VerificationTask
                {
                    GridId = EastGrid.Id,
                    AssignedAtUtc = dispatched,
                    DueAtUtc = dispatched.AddHours(48),
                    SubmittedAtUtc = dispatched.AddHours(answered),
                    Status = VerificationTaskStatus.Accepted,
                });
                m.Consolidate("反馈", MatterOutcome.Found, Nov10.AddHours(fedBack));
                m.FeedBack(Nov10.AddHours(fedBack));
            });
        }

        for (var i = 0; i < 3; i++)
        {
            await data.AddMatterAsync(Cases[5 + i], MatterType.AssetClueVerification, Nov10, _ => { });
        }
    }

    private CaseMilestone Milestone(ExecutionCase @case, MilestoneKind kind) => new()
    {
        CaseId = @case.Id,
        Kind = kind,
        OccurredOn = @case.FiledOn.AddDays(30),
        RecordedById = Data.Judge.Id,
        RecordedAtUtc = TestApp.Start.UtcDateTime,
    };
}
