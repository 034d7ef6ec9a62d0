using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Warnings;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Warnings;

/// <summary>
/// The hand-built organisation plus a second street, a coordinator for each, and cases whose
/// respondents, applicants, industries, tags and filing days a test chooses. Today is 27 November
/// 2026 (Shanghai), so this quarter is October–December and the last is July–September.
/// </summary>
public sealed class WarningScenario
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>A company's unified social credit code.</summary>
    public const string Company = "91310110MA1G8XYZ5K";
    public const string CompanyName = "上海宏盛房地产开发有限公司";

    private readonly TestApp app;
    private int serial = 500;

    private WarningScenario(TestApp app, HandBuiltData data)
    {
        this.app = app;
        Data = data;
    }

    public HandBuiltData Data { get; }
    public Street OtherStreet { get; private set; } = default!;
    public AppUser Coordinator { get; private set; } = default!;
    public AppUser OtherCoordinator { get; private set; } = default!;
    public AppUser Administrator { get; private set; } = default!;

    public UserContext AdministratorContext => new(Administrator.Id, Administrator.DisplayName, new HashSet<string> { Roles.Administrator });

    public static async Task<WarningScenario> CreateAsync(TestApp app)
    {
        var scenario = new WarningScenario(app, await new HandBuiltData(app).WithOrganisationAsync());
        await scenario.BuildAsync();
        return scenario;
    }

    private async Task BuildAsync()
    {
        await using var db = await app.DbAsync();
        OtherStreet = new Street { Name = "隔壁街道", CourtId = Data.Court.Id };
        db.Streets.Add(OtherStreet);
        await db.SaveChangesAsync();
        Coordinator = new AppUser { UserName = "coord", DisplayName = "协调员甲", StreetId = Data.Street.Id, CreatedAtUtc = TestApp.Start.UtcDateTime };
        OtherCoordinator = new AppUser { UserName = "coord2", DisplayName = "协调员乙", StreetId = OtherStreet.Id, CreatedAtUtc = TestApp.Start.UtcDateTime };
        Administrator = new AppUser { UserName = "admin1", DisplayName = "管理员", CreatedAtUtc = TestApp.Start.UtcDateTime };
        db.Users.AddRange(Coordinator, OtherCoordinator, Administrator);
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.Coordinator);
        db.UserRoles.AddRange(
            new IdentityUserRole<string> { UserId = Coordinator.Id, RoleId = role.Id },
            new IdentityUserRole<string> { UserId = OtherCoordinator.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
    }

    /// <summary>A case against <paramref name="respondent"/> with one applicant per entry of <paramref name="applicants"/> (their ID numbers).</summary>
    public async Task<ExecutionCase> AddCaseAsync(
        string respondent = Company,
        PartyKind kind = PartyKind.Organisation,
        string[]? applicants = null,
        DateOnly? filedOn = null,
        CaseStatus status = CaseStatus.InExecution,
        string industry = "房地产",
        CaseTags tags = CaseTags.None,
        decimal owed = 100_000m,
        Street? street = null,
        string respondentName = CompanyName)
    {
        await using var db = await app.DbAsync();
        var number = ++serial;
        var @case = new ExecutionCase
        {
            CaseNumber = $"(2026)沪0199执{number}号",
            CourtId = Data.Court.Id,
            StreetId = (street ?? Data.Street).Id,
            JudgeId = Data.Judge.Id,
            Cause = "商品房销售合同纠纷",
            Industry = industry,
            AmountOwed = owed,
            Status = status,
            FiledOn = filedOn ?? Today.AddDays(-10),
            CreatedAtUtc = TestApp.Start.UtcDateTime,
            Tags = tags,
            Parties =
            [
                .. (applicants ?? [$"3101101990010{number:00000}"]).Select(id => new CaseParty
                {
                    Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = "购房人" + id[^4..], IdentityNumber = id,
                }),
                new CaseParty { Role = PartyRole.Respondent, Kind = kind, Name = respondentName, IdentityNumber = respondent, Phones = ["021-65431234"] },
            ],
        };
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return @case;
    }

    /// <summary>Runs the evaluator as the daily job does, over every street.</summary>
    public async Task<RiskWarningEvaluator.Result> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RiskWarningEvaluator>().RunAsync(null, CancellationToken.None);
    }

    public async Task<List<RiskWarning>> WarningsAsync(RiskRuleKind? rule = null)
    {
        await using var db = await app.DbAsync();
        return await db.RiskWarnings.Include(w => w.History).Where(w => rule == null || w.Rule == rule).OrderBy(w => w.Id).ToListAsync();
    }

    /// <summary>Changes one rule as the administrator would.</summary>
    public async Task TuneAsync(RiskRuleKind kind, Action<SaveRiskRule> change)
    {
        var previous = app.User.Current;
        app.User.Current = AdministratorContext;
        var rule = (await app.SendAsync(new GetRiskRules())).Single(r => r.Kind == kind);
        change(rule);
        await app.SendAsync(rule);
        app.User.Current = previous;
    }

    /// <summary>Only <paramref name="kind"/> stays enabled, so a test sees its rule's warnings alone.</summary>
    public async Task OnlyAsync(RiskRuleKind kind)
    {
        foreach (var other in Enum.GetValues<RiskRuleKind>())
        {
            await TuneAsync(other, r => r.Enabled = other == kind);
        }
    }

    public static string Applicant(int i) => $"31011019800101{i:0000}";

    public void ActAsStreetOfficer(Street? street = null) => Data.ActAsStreet(Roles.StreetOfficer, (street ?? Data.Street).Id);

    public void ActAsCoordinator(AppUser? coordinator = null)
    {
        var user = coordinator ?? Coordinator;
        app.User.Current = new UserContext(user.Id, user.DisplayName, new HashSet<string> { Roles.Coordinator }, StreetId: user.StreetId);
    }
}
