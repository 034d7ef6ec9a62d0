using System.Security.Cryptography;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Evidence;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Matters.Evidence;

public sealed class EvidenceTests : IAsyncLifetime
{
    private static readonly byte[] Photo = EvidenceScenario.Photo;

    private EvidenceScenario scenario = default!;

    private TestApp App => scenario.App;
    private HandBuiltData Data => scenario.Data;
    private Matter Matter => scenario.Matter;
    private VerificationTask WorkerTask => scenario.WorkerTask;
    private AppUser Worker => scenario.Worker;
    private AppUser OtherWorker => scenario.OtherWorker;
    private Street OtherStreet => scenario.OtherStreet;

    async Task IAsyncLifetime.InitializeAsync() => scenario = await EvidenceScenario.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync() => await scenario.DisposeAsync();

    private void ActAsGridWorker(AppUser user) => scenario.ActAsGridWorker(user);

    private List<string> StoredFiles() => scenario.StoredFiles();

    private Task<int> UploadAsync(byte[] content, string fileName = "现场照片.jpg") =>
        App.SendAsync(new UploadEvidence(WorkerTask.Id, fileName, new MemoryStream(content)));

    private async Task<int> UploadPhotoAsWorkerAsync()
    {
        ActAsGridWorker(Worker);
        return await UploadAsync(Photo);
    }

    private async Task AssertNothingSavedAsync()
    {
        await using var db = await App.DbAsync();
        Assert.Empty(await db.Evidence.ToListAsync());
        Assert.False(await db.Timeline.AnyAsync(t => t.Event == "Timeline.EvidenceUploaded"));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task An_upload_is_saved_under_the_extension_of_its_content_without_bidi_controls()
    {
        ActAsGridWorker(Worker);

        var id = await UploadAsync("%PDF-1.7\n%\u00e2"u8.ToArray(), "回执\u202Elmth.html");

        await using var db = await App.DbAsync();
        var evidence = await db.Evidence.SingleAsync(e => e.Id == id);
        Assert.Equal(("回执lmth.pdf", EvidenceContent.Pdf), (evidence.FileName, evidence.ContentType));
        Assert.True(await db.Timeline.AnyAsync(t => t.Event == "Timeline.EvidenceUploaded" && t.Detail == "回执lmth.pdf"));
    }

    [Fact]
    public async Task A_photo_is_stored_outside_wwwroot_with_its_hash()
    {
        var id = await UploadPhotoAsWorkerAsync();

        await using var db = await App.DbAsync();
        var evidence = await db.Evidence.SingleAsync(e => e.Id == id);
        Assert.Equal((Matter.Id, WorkerTask.Id, Worker.Id), (evidence.MatterId, evidence.TaskId, evidence.UploadedById));
        Assert.Equal("现场照片.jpg", evidence.FileName);
        Assert.Equal("image/jpeg", evidence.ContentType);
        Assert.Equal(Photo.Length, evidence.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Photo)), evidence.Sha256);
        Assert.Equal(TestApp.Start.UtcDateTime, evidence.UploadedAtUtc);
        Assert.Matches("^2026/11/[0-9a-f]{32}$", evidence.StorageKey);

        var file = Assert.Single(StoredFiles());
        Assert.DoesNotContain("wwwroot", file, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("现场照片", file, StringComparison.Ordinal);
        Assert.Equal(Photo, await File.ReadAllBytesAsync(file));
        await using (var stored = App.Services.GetRequiredService<IEvidenceStore>().OpenRead(evidence.StorageKey))
        {
            Assert.Equal(evidence.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stored)));
        }

        var line = await db.Timeline.SingleAsync(t => t.Event == "Timeline.EvidenceUploaded");
        Assert.Equal((Matter.Id, WorkerTask.Id, Worker.Id, "现场照片.jpg"), (line.MatterId, line.TaskId, line.ActorId, line.Detail));
    }

    [Fact]
    public async Task A_text_file_named_jpg_is_refused_and_nothing_is_saved()
    {
        ActAsGridWorker(Worker);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => UploadAsync("这不是照片，只是文字。"u8.ToArray(), "photo.jpg"));

        Assert.Equal("Rule.Evidence.TypeNotAllowed", refused.MessageKey);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task An_empty_file_is_refused_as_not_an_allowed_type()
    {
        ActAsGridWorker(Worker);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => UploadAsync([], "empty.pdf"));

        Assert.Equal("Rule.Evidence.TypeNotAllowed", refused.MessageKey);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        ActAsGridWorker(Worker);
        var store = App.Services.GetRequiredService<IEvidenceStore>();
        var tooBig = new byte[store.MaxBytes + 1];
        Photo.CopyTo(tooBig, 0);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => UploadAsync(tooBig));

        Assert.Equal("Rule.Evidence.TooLarge", refused.MessageKey);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task A_file_of_exactly_the_size_limit_is_accepted()
    {
        ActAsGridWorker(Worker);
        var store = App.Services.GetRequiredService<IEvidenceStore>();
        var justFits = new byte[store.MaxBytes];
        Photo.CopyTo(justFits, 0);

        var id = await UploadAsync(justFits);

        await using var db = await App.DbAsync();
        Assert.Equal(store.MaxBytes, (await db.Evidence.SingleAsync(e => e.Id == id)).SizeBytes);
    }

    [Fact]
    public async Task Another_grid_worker_cannot_upload_to_the_task()
    {
        ActAsGridWorker(OtherWorker);

        await Assert.ThrowsAsync<RequestRefusedException>(() => UploadAsync(Photo));

        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Upload_is_refused_after_the_finding_was_accepted()
    {
        await using (var db = await App.DbAsync())
        {
            await db.Tasks.Where(t => t.Id == WorkerTask.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, VerificationTaskStatus.Accepted));
        }

        ActAsGridWorker(Worker);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => UploadAsync(Photo));

        Assert.Equal("Rule.Evidence.TaskNotOpen", refused.MessageKey);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task The_uploader_fetches_the_file_details_of_their_evidence()
    {
        var id = await UploadPhotoAsWorkerAsync();

        var download = await App.SendAsync(new GetEvidenceFile(id));

        Assert.Equal(("现场照片.jpg", "image/jpeg", (long)Photo.Length), (download.FileName, download.ContentType, download.SizeBytes));
    }

    [Fact]
    public async Task Another_grid_worker_cannot_fetch_the_evidence()
    {
        var id = await UploadPhotoAsWorkerAsync();
        ActAsGridWorker(OtherWorker);

        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync(new GetEvidenceFile(id)));
    }

    [Fact]
    public async Task A_coordinator_of_another_street_cannot_fetch_it()
    {
        var id = await UploadPhotoAsWorkerAsync();
        Data.ActAsStreet(Roles.Coordinator, OtherStreet.Id);

        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync(new GetEvidenceFile(id)));
    }

    [Fact]
    public async Task The_coordinator_of_the_matters_street_can_fetch_it()
    {
        var id = await UploadPhotoAsWorkerAsync();
        Data.ActAsStreet(Roles.Coordinator, Data.Street.Id);

        var download = await App.SendAsync(new GetEvidenceFile(id));

        Assert.Equal(id, download.Id);
    }

    [Fact]
    public async Task A_street_officer_of_the_same_street_cannot_fetch_it()
    {
        var id = await UploadPhotoAsWorkerAsync();
        Data.ActAsStreet(Roles.StreetOfficer, Data.Street.Id);

        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync(new GetEvidenceFile(id)));
    }

    [Fact]
    public async Task A_judge_of_the_court_can_fetch_it()
    {
        var id = await UploadPhotoAsWorkerAsync();
        Data.ActAs(Data.OtherJudge, Roles.Judge);

        var download = await App.SendAsync(new GetEvidenceFile(id));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Photo)), download.Sha256);
    }

    [Fact]
    public async Task An_unknown_evidence_id_is_not_found()
    {
        Data.ActAs(Data.Judge, Roles.Judge);

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetEvidenceFile(9999)));
    }

    [Fact]
    public async Task The_judge_lists_the_tasks_evidence_without_the_right_to_delete_it()
    {
        var id = await UploadPhotoAsWorkerAsync();
        var mine = Assert.Single(await App.SendAsync(new ListEvidence(WorkerTask.Id)));
        Data.ActAs(Data.Judge, Roles.Judge);

        var judges = Assert.Single(await App.SendAsync(new ListEvidence(WorkerTask.Id)));

        Assert.True(mine.CanDelete);
        Assert.Equal((id, "现场照片.jpg", "网格员甲", false), (judges.Id, judges.FileName, judges.UploadedBy, judges.CanDelete));
    }

    [Fact]
    public async Task The_uploader_deletes_their_file_while_the_task_is_open()
    {
        var id = await UploadPhotoAsWorkerAsync();

        await App.SendAsync(new DeleteEvidence(WorkerTask.Id, id));

        await using var db = await App.DbAsync();
        Assert.Empty(await db.Evidence.ToListAsync());
        Assert.True(await db.Timeline.AnyAsync(t => t.Event == "Timeline.EvidenceDeleted" && t.Detail == "现场照片.jpg"));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Evidence_cannot_be_deleted_once_the_finding_is_submitted()
    {
        var id = await UploadPhotoAsWorkerAsync();
        await using (var db = await App.DbAsync())
        {
            await db.Tasks.Where(t => t.Id == WorkerTask.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, VerificationTaskStatus.Submitted));
        }

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => App.SendAsync(new DeleteEvidence(WorkerTask.Id, id)));

        Assert.Equal("Rule.Evidence.TaskNotOpen", refused.MessageKey);
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task Only_the_uploader_deletes_evidence_even_among_the_agents_sharing_a_task()
    {
        AppUser first, second;
        VerificationTask agencyTask;
        await using (var db = await App.DbAsync())
        {
            var agency = new PartnerAgency { Name = "测试派出所", Kind = PartnerAgencyKind.Police, CourtId = Data.Court.Id };
            db.PartnerAgencies.Add(agency);
            await db.SaveChangesAsync();
            first = new AppUser { UserName = "a1", DisplayName = "民警甲", PartnerAgencyId = agency.Id, CreatedAtUtc = TestApp.Start.UtcDateTime };
            second = new AppUser { UserName = "a2", DisplayName = "民警乙", PartnerAgencyId = agency.Id, CreatedAtUtc = TestApp.Start.UtcDateTime };
            agencyTask = new VerificationTask
            {
                MatterId = Matter.Id,
                PartnerAgencyId = agency.Id,
                AssignedAtUtc = TestApp.Start.UtcDateTime,
                DueAtUtc = TestApp.Start.UtcDateTime.AddHours(48),
            };
            db.AddRange(first, second, agencyTask);
            await db.SaveChangesAsync();
        }

        App.User.Current = new UserContext(first.Id, first.DisplayName, new HashSet<string> { Roles.PartnerAgent }, AgencyId: first.PartnerAgencyId);
        var id = await App.SendAsync(new UploadEvidence(agencyTask.Id, "回执.pdf", new MemoryStream("%PDF-1.7\n%\u00e2"u8.ToArray())));
        App.User.Current = new UserContext(second.Id, second.DisplayName, new HashSet<string> { Roles.PartnerAgent }, AgencyId: second.PartnerAgencyId);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync(new DeleteEvidence(agencyTask.Id, id)));

        Assert.Equal("Rule.Evidence.OnlyUploaderDeletes", refused.MessageKey);
        Assert.Single(StoredFiles());
    }
}
