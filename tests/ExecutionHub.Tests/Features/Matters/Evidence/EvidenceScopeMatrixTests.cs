using System.Text.Json;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Evidence;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;

namespace ExecutionHub.Tests.Features.Matters.Evidence;

/// <summary>
/// Who may reach which evidence, cell by cell: every kind of user against the evidence of each task
/// of one matter. Evidence follows its task for the people who answer tasks (the task's holder,
/// an agency's agents) and the matter for the people who run it (the street's coordinators, the
/// court's judges); street officers, administrators and API clients get none. Each test collects
/// every wrong cell before failing, so a failure names them all.
/// </summary>
public sealed class EvidenceScopeMatrixTests : IAsyncLifetime
{
    private const string Allowed = "allowed";
    private const string Refused = "refused";

    private const string WorkerA = "grid worker A (holds task A)";
    private const string WorkerB = "grid worker B (holds task B)";
    private const string Agent = "agent of the agency (holds task C)";
    private const string OtherCoordinator = "coordinator of another street";
    private const string Coordinator = "coordinator of the matter's street";
    private const string Judge = "the matter's judge";
    private const string OtherCourtJudge = "judge of another court";
    private const string StreetOfficer = "street officer of the matter's street";
    private const string Administrator = "administrator";
    private const string ApiClient = "API client of the court";

    private static readonly string[] Everyone =
        [WorkerA, WorkerB, Agent, OtherCoordinator, Coordinator, Judge, OtherCourtJudge, StreetOfficer, Administrator, ApiClient];

    private TestApp app = default!;
    private readonly Dictionary<string, UserContext> users = [];
    private readonly List<Piece> evidence = [];
    private int matterId;

    /// <summary>One evidence file: the task it belongs to, who uploaded it, and who holds that task.</summary>
    private sealed record Piece(string Name, int TaskId, int EvidenceId, string FileName, string Holder);

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        var @case = await data.AddCaseAsync(data.Judge);
        var matter = await data.AddMatterAsync(@case, TestApp.Start.UtcDateTime.AddHours(-1), MatterStatus.Dispatched);
        matterId = matter.Id;

        var now = TestApp.Start.UtcDateTime;
        var grid = data.Community.Grids[0];
        var otherCourt = new Court { Name = "另一区人民法院", CaseCode = "沪0198" };
        var otherStreet = new Street { Name = "另一街道", CourtId = data.Court.Id };
        var agency = new PartnerAgency { Name = "测试派出所", Kind = PartnerAgencyKind.Police, CourtId = data.Court.Id };
        var workerA = new AppUser { UserName = "g1", DisplayName = "网格员甲", GridId = grid.Id, CreatedAtUtc = now };
        var workerB = new AppUser { UserName = "g2", DisplayName = "网格员乙", GridId = grid.Id, CreatedAtUtc = now };
        VerificationTask taskA, taskB, taskC;
        AppUser agent;
        await using (var db = await app.DbAsync())
        {
            db.AddRange(otherCourt, otherStreet, agency, workerA, workerB);
            await db.SaveChangesAsync();
            agent = new AppUser { UserName = "a1", DisplayName = "民警甲", PartnerAgencyId = agency.Id, CreatedAtUtc = now };
            taskA = new VerificationTask { MatterId = matter.Id, AssigneeId = workerA.Id, GridId = grid.Id, AssignedAtUtc = now, DueAtUtc = now.AddHours(48) };
            taskB = new VerificationTask { MatterId = matter.Id, AssigneeId = workerB.Id, GridId = grid.Id, AssignedAtUtc = now, DueAtUtc = now.AddHours(48) };
            taskC = new VerificationTask { MatterId = matter.Id, PartnerAgencyId = agency.Id, AssignedAtUtc = now, DueAtUtc = now.AddHours(48) };
            db.AddRange(agent, taskA, taskB, taskC);
            await db.SaveChangesAsync();
        }

        users[WorkerA] = new UserContext(workerA.Id, workerA.DisplayName, Role(Roles.GridWorker), GridId: grid.Id);
        users[WorkerB] = new UserContext(workerB.Id, workerB.DisplayName, Role(Roles.GridWorker), GridId: grid.Id);
        users[Agent] = new UserContext(agent.Id, agent.DisplayName, Role(Roles.PartnerAgent), AgencyId: agency.Id);
        users[OtherCoordinator] = new UserContext("coord-other", "赵协调", Role(Roles.Coordinator), StreetId: otherStreet.Id);
        users[Coordinator] = new UserContext("coord", "陈协调", Role(Roles.Coordinator), StreetId: data.Street.Id);
        users[Judge] = new UserContext(data.Judge.Id, data.Judge.DisplayName, Role(Roles.Judge), CourtId: data.Court.Id);
        users[OtherCourtJudge] = new UserContext("judge-other", "外院法官", Role(Roles.Judge), CourtId: otherCourt.Id);
        users[StreetOfficer] = new UserContext("street", "街道干部", Role(Roles.StreetOfficer), StreetId: data.Street.Id);
        users[Administrator] = new UserContext("admin", "管理员", Role(Roles.Administrator));
        users[ApiClient] = new UserContext(
            "api-client", "法院系统", Role(Roles.ApiClient), CourtId: data.Court.Id, ApiClientId: 1, ApiScopes: ApiScopes.All.ToHashSet());

        // Nothing is submitted yet: evidence of a task still being worked on must be as private as a finished one.
        evidence.Add(await UploadAsync("evidence of task A", taskA.Id, WorkerA, "甲的门牌照片.jpg"));
        evidence.Add(await UploadAsync("evidence of task B", taskB.Id, WorkerB, "乙的车辆照片.jpg"));
        evidence.Add(await UploadAsync("evidence of task C", taskC.Id, Agent, "派出所回执.pdf"));
    }

    async Task IAsyncLifetime.DisposeAsync() => await app.DisposeAsync();

    private static HashSet<string> Role(string role) => [role];

    private async Task<Piece> UploadAsync(string name, int taskId, string holder, string fileName)
    {
        app.User.Current = users[holder];
        var content = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "%PDF-1.7\n%\u00e2"u8.ToArray() : EvidenceScenario.Photo;
        var id = await app.SendAsync(new UploadEvidence(taskId, fileName, new MemoryStream(content)));
        return new Piece(name, taskId, id, fileName, holder);
    }

    /// <summary>Seeing: the task's holder, the street's coordinator and the court's judge; nobody else.</summary>
    private static string MaySee(string user, Piece piece) =>
        user == piece.Holder || user is Coordinator or Judge ? Allowed : Refused;

    /// <summary>Deleting: only the holder who uploaded it, while the task is open.</summary>
    private static string MayDelete(string user, Piece piece) => user == piece.Holder ? Allowed : Refused;

    private async Task<string> TryAsync(string user, Func<Task<bool>> attempt)
    {
        app.User.Current = users[user];
        try
        {
            return await attempt() ? Allowed : Refused;
        }
        catch (Exception ex) when (ex is RequestRefusedException or NotFoundException)
        {
            return Refused;
        }
    }

    private static string Cell(string user, Piece piece, string expected, string actual) =>
        $"{user} × {piece.Name}: expected {expected}, got {actual}";

    /// <summary>Fails with every wrong cell on its own line, so the message shows the whole matrix's damage.</summary>
    private static void AssertNoWrongCells(List<string> wrong) =>
        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong cell(s):\n" + string.Join("\n", wrong));

    [Fact]
    public async Task Evidence_is_listed_to_its_tasks_holder_and_the_matters_street_and_court_only()
    {
        var wrong = new List<string>();
        foreach (var user in Everyone)
        {
            foreach (var piece in evidence)
            {
                var actual = await TryAsync(user, async () =>
                    (await app.SendAsync(new ListEvidence(piece.TaskId))).Any(e => e.Id == piece.EvidenceId));
                if (actual != MaySee(user, piece))
                {
                    wrong.Add(Cell(user, piece, MaySee(user, piece), actual));
                }
            }
        }

        AssertNoWrongCells(wrong);
    }

    [Fact]
    public async Task Evidence_is_downloaded_by_its_tasks_holder_and_the_matters_street_and_court_only()
    {
        var wrong = new List<string>();
        foreach (var user in Everyone)
        {
            foreach (var piece in evidence)
            {
                var actual = await TryAsync(user, async () =>
                    (await app.SendAsync(new GetEvidenceFile(piece.EvidenceId))).Id == piece.EvidenceId);
                if (actual != MaySee(user, piece))
                {
                    wrong.Add(Cell(user, piece, MaySee(user, piece), actual));
                }
            }
        }

        AssertNoWrongCells(wrong);
    }

    [Fact]
    public async Task Evidence_is_deleted_by_the_holder_who_uploaded_it_only()
    {
        var wrong = new List<string>();
        foreach (var piece in evidence)
        {
            // Refusals first, while the file still exists; its uploader deletes it last.
            foreach (var user in Everyone.OrderBy(u => MayDelete(u, piece) == Allowed))
            {
                var actual = await TryAsync(user, async () =>
                {
                    await app.SendAsync(new DeleteEvidence(piece.TaskId, piece.EvidenceId));
                    return true;
                });
                if (actual != MayDelete(user, piece))
                {
                    wrong.Add(Cell(user, piece, MayDelete(user, piece), actual));
                }
            }
        }

        AssertNoWrongCells(wrong);
    }

    [Fact]
    public async Task The_task_page_and_the_matter_page_name_only_the_evidence_the_viewer_may_see()
    {
        var wrong = new List<string>();
        foreach (var user in Everyone)
        {
            foreach (var piece in evidence)
            {
                var onTaskPage = await TryAsync(user, async () =>
                    (await app.SendAsync(new GetMyTask(piece.TaskId))).Evidence.Any(e => e.Id == piece.EvidenceId));
                var onMatterPage = await TryAsync(user, async () =>
                {
                    var matter = await app.SendAsync(new GetMatter(matterId));
                    if (user == ApiClient)
                    {
                        // A client reads the matter only as the API answers it.
                        return JsonSerializer.Serialize(MatterEndpoints.ToApi(matter)).Contains(piece.FileName, StringComparison.Ordinal);
                    }

                    return matter.Tasks.SelectMany(t => t.Evidence).Any(e => e.Id == piece.EvidenceId)
                        || matter.Timeline.Any(t => t.Detail == piece.FileName);
                });
                var actual = onTaskPage == Allowed || onMatterPage == Allowed ? Allowed : Refused;
                if (actual != MaySee(user, piece))
                {
                    wrong.Add(Cell(user, piece, MaySee(user, piece), actual) + $" (task page {onTaskPage}, matter page {onMatterPage})");
                }
            }
        }

        AssertNoWrongCells(wrong);
    }
}
