using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;

namespace ExecutionHub.Tests.Infrastructure;

/// <summary>A tiny organisation built by hand, so a test can state its expected figures outright.</summary>
public sealed class HandBuiltData(TestApp app)
{
    public Court Court { get; private set; } = default!;
    public Street Street { get; private set; } = default!;
    public Community Community { get; private set; } = default!;
    public AppUser Judge { get; private set; } = default!;
    public AppUser OtherJudge { get; private set; } = default!;

    public async Task<HandBuiltData> WithOrganisationAsync()
    {
        await using var db = await app.DbAsync();
        Court = new Court { Name = "测试区人民法院", CaseCode = "沪0199" };
        Street = new Street { Name = "测试街道", Court = Court };
        Community = new Community { Name = "测试居委", Street = Street, Grids = [new Grid { Name = "测试网格" }] };
        Judge = new AppUser { UserName = "j1", DisplayName = "法官甲", CreatedAtUtc = TestApp.Start.UtcDateTime };
        OtherJudge = new AppUser { UserName = "j2", DisplayName = "法官乙", CreatedAtUtc = TestApp.Start.UtcDateTime };
        db.AddRange(Court, Street, Community, Judge, OtherJudge);
        await db.SaveChangesAsync();
        Judge.CourtId = Court.Id;
        OtherJudge.CourtId = Court.Id;
        db.UpdateRange(Judge, OtherJudge);
        await db.SaveChangesAsync();
        return this;
    }

    /// <summary>A case of <paramref name="judge"/>'s; cause, industry, filing day and community default to a private loan filed on 5 January with no community.</summary>
    public async Task<ExecutionCase> AddCaseAsync(
        AppUser judge,
        CaseStatus status = CaseStatus.InExecution,
        decimal owed = 10_000m,
        decimal recovered = 0m,
        Street? street = null,
        string cause = "民间借贷纠纷",
        string industry = "个人借贷",
        DateOnly? filedOn = null,
        Community? community = null)
    {
        await using var db = await app.DbAsync();
        var serial = await NextSerialAsync();
        var @case = new ExecutionCase
        {
            CaseNumber = $"(2026)沪0199执{serial}号",
            CourtId = (street ?? Street).CourtId,
            StreetId = (street ?? Street).Id,
            CommunityId = community?.Id,
            JudgeId = judge.Id,
            Cause = cause,
            Industry = industry,
            AmountOwed = owed,
            AmountRecovered = recovered,
            Status = status,
            FiledOn = filedOn ?? new DateOnly(2026, 1, 5),
            CreatedAtUtc = TestApp.Start.UtcDateTime,
            Parties =
            [
                new CaseParty { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = "申请人", IdentityNumber = "310110199001011234" },
                new CaseParty { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = "张三丰", IdentityNumber = "310110198502023456" },
            ],
        };
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return @case;
    }

    public Task<Matter> AddMatterAsync(ExecutionCase @case, DateTime receivedUtc, MatterStatus status = MatterStatus.Received) =>
        AddMatterAsync(@case, MatterType.DebtorWhereabouts, receivedUtc, matter => matter.ForceStatus(status));

    /// <summary>A matter of <paramref name="type"/> received at <paramref name="receivedUtc"/>, walked through <paramref name="history"/> with the domain's own methods before it is saved.</summary>
    public async Task<Matter> AddMatterAsync(ExecutionCase @case, MatterType type, DateTime receivedUtc, Action<Matter> history)
    {
        await using var db = await app.DbAsync();
        var serial = await NextSerialAsync();
        var matter = Matter.Receive(
            @case, @case.Parties.Single(p => p.Role == PartyRole.Respondent), type, MatterSource.CourtExOfficio, $"T-{serial}", receivedUtc, @case.JudgeId);
        history(matter);
        db.Matters.Add(matter);
        await db.SaveChangesAsync();
        return matter;
    }

    /// <summary>Dispatches one task, settles it and feeds the matter back at <paramref name="fedBackUtc"/> with <paramref name="outcome"/>.</summary>
    public static void FeedBack(Matter matter, DateTime fedBackUtc, MatterOutcome? outcome)
    {
        var dispatched = fedBackUtc.AddHours(-1);
        matter.MarkDispatched(dispatched);
        matter.Tasks.Add(new VerificationTask { AssignedAtUtc = dispatched, DueAtUtc = dispatched.AddHours(48), Status = VerificationTaskStatus.Accepted });
        matter.Consolidate("反馈", outcome, fedBackUtc);
        matter.FeedBack(fedBackUtc);
    }

    public void ActAs(AppUser user, string role, int? streetId = null) =>
        app.User.Current = new UserContext(user.Id, user.DisplayName, new HashSet<string> { role }, user.CourtId, streetId ?? user.StreetId);

    public void ActAsStreet(string role, int streetId) =>
        app.User.Current = new UserContext("street-user", "街道用户", new HashSet<string> { role }, StreetId: streetId);

    private int serial = 100;

    private Task<int> NextSerialAsync() => Task.FromResult(++serial);
}
