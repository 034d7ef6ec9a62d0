using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Matters.Evidence;

/// <summary>
/// A dispatched matter of the hand-built street with one open task held by a grid worker; a second
/// worker of the same grid holds nothing on it, and a second street of the same court exists.
/// </summary>
internal sealed class EvidenceScenario : IAsyncDisposable
{
    public static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x02, 0x03];

    private EvidenceScenario(TestApp app, HandBuiltData data) => (App, Data) = (app, data);

    public TestApp App { get; }
    public HandBuiltData Data { get; }
    public Matter Matter { get; private set; } = default!;
    public VerificationTask WorkerTask { get; private set; } = default!;
    public AppUser Worker { get; private set; } = default!;
    public AppUser OtherWorker { get; private set; } = default!;
    public Street OtherStreet { get; private set; } = default!;

    public IEvidenceStore Store => App.Services.GetRequiredService<IEvidenceStore>();

    public string StoreRoot => ((EvidenceStore)Store).RootPath;

    public static async Task<EvidenceScenario> CreateAsync()
    {
        var app = await TestApp.CreateAsync();
        var scenario = new EvidenceScenario(app, await new HandBuiltData(app).WithOrganisationAsync());
        await scenario.ArrangeAsync();
        return scenario;
    }

    private async Task ArrangeAsync()
    {
        var @case = await Data.AddCaseAsync(Data.Judge);
        Matter = await Data.AddMatterAsync(@case, TestApp.Start.UtcDateTime.AddHours(-1), MatterStatus.Dispatched);

        await using var db = await App.DbAsync();
        var grid = Data.Community.Grids[0];
        Worker = new AppUser { UserName = "g1", DisplayName = "网格员甲", GridId = grid.Id, CreatedAtUtc = TestApp.Start.UtcDateTime };
        OtherWorker = new AppUser { UserName = "g2", DisplayName = "网格员乙", GridId = grid.Id, CreatedAtUtc = TestApp.Start.UtcDateTime };
        OtherStreet = new Street { Name = "另一街道", CourtId = Data.Court.Id };
        WorkerTask = new VerificationTask
        {
            MatterId = Matter.Id,
            AssigneeId = Worker.Id,
            GridId = grid.Id,
            AssignedAtUtc = TestApp.Start.UtcDateTime,
            DueAtUtc = TestApp.Start.UtcDateTime.AddHours(48),
        };
        db.AddRange(Worker, OtherWorker, OtherStreet, WorkerTask);
        await db.SaveChangesAsync();
    }

    public void ActAsGridWorker(AppUser user) =>
        App.User.Current = new UserContext(user.Id, user.DisplayName, new HashSet<string> { Roles.GridWorker }, GridId: user.GridId);

    public List<string> StoredFiles() =>
        Directory.Exists(StoreRoot) ? Directory.EnumerateFiles(StoreRoot, "*", SearchOption.AllDirectories).ToList() : [];

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
