using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class EvidenceEndpointTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>The smallest start of a PDF the upload's sniffing accepts.</summary>
    private static readonly byte[] Pdf = "%PDF-1.7\n%\u00e2"u8.ToArray();

    private static readonly SemaphoreSlim ArrangeLock = new(1, 1);
    private static readonly Dictionary<Uri, (int Png, int Pdf)> EvidenceByApp = [];

    /// <summary>
    /// A task for grid.liu on a matter of 平凉路街道 and one PNG of his, written straight into the
    /// app's database and evidence store, once per app; beside it, a task of the same matter for
    /// police.xu's police station, so another task's holder is at hand. Beside the PNG, a PDF of his.
    /// </summary>
    private async Task<int> EvidenceOfPingliangStreetAsync() => (await EvidenceFilesOfPingliangStreetAsync()).Png;

    private async Task<(int Png, int Pdf)> EvidenceFilesOfPingliangStreetAsync()
    {
        await ArrangeLock.WaitAsync();
        try
        {
            if (EvidenceByApp.TryGetValue(App.BaseAddress, out var existing))
            {
                return existing;
            }

            var services = App.Services;
            await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var worker = await db.Users.Include(u => u.Grid!.Community).SingleAsync(u => u.UserName == "grid.liu");
            var matter = await db.Matters.Where(m => m.StreetId == worker.Grid!.Community!.StreetId).OrderBy(m => m.Id).FirstAsync();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var task = new VerificationTask { MatterId = matter.Id, AssigneeId = worker.Id, GridId = worker.GridId, AssignedAtUtc = now, DueAtUtc = now.AddHours(48) };
            var station = await db.Users.Where(u => u.UserName == "police.xu").Select(u => u.PartnerAgencyId).SingleAsync();
            var stationTask = new VerificationTask { MatterId = matter.Id, PartnerAgencyId = station, AssignedAtUtc = now, DueAtUtc = now.AddHours(48) };
            db.Tasks.AddRange(task, stationTask);
            await db.SaveChangesAsync();

            var stored = await services.GetRequiredService<IEvidenceStore>().SaveAsync(new MemoryStream(Png), CancellationToken.None);
            var evidence = new EvidenceFile
            {
                MatterId = matter.Id,
                TaskId = task.Id,
                FileName = "门牌照片.png",
                ContentType = "image/png",
                SizeBytes = stored.SizeBytes,
                Sha256 = stored.Sha256,
                StorageKey = stored.Key,
                UploadedById = worker.Id,
                UploadedAtUtc = now,
            };
            var storedPdf = await services.GetRequiredService<IEvidenceStore>().SaveAsync(new MemoryStream(Pdf), CancellationToken.None);
            var pdf = new EvidenceFile
            {
                MatterId = matter.Id,
                TaskId = task.Id,
                FileName = "回执.pdf",
                ContentType = "application/pdf",
                SizeBytes = storedPdf.SizeBytes,
                Sha256 = storedPdf.Sha256,
                StorageKey = storedPdf.Key,
                UploadedById = worker.Id,
                UploadedAtUtc = now,
            };
            db.Evidence.AddRange(evidence, pdf);
            await db.SaveChangesAsync();
            EvidenceByApp[App.BaseAddress] = (evidence.Id, pdf.Id);
            return (evidence.Id, pdf.Id);
        }
        finally
        {
            ArrangeLock.Release();
        }
    }

    private static async Task SignedInAsync(IPage page, string userName)
    {
        await SignInAsync(page, userName);
        await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
    }

    [Fact]
    public Task Anonymous_visitor_is_sent_to_sign_in_instead_of_the_file() =>
        OnPageAsync(async page =>
        {
            var id = await EvidenceOfPingliangStreetAsync();

            await page.GotoAsync($"/evidence/{id}");

            await Expect(page).ToHaveURLAsync(new Regex("/account/signin"));
        });

    [Fact]
    public Task A_street_officer_of_the_same_street_gets_not_found() =>
        OnPageAsync(async page =>
        {
            var id = await EvidenceOfPingliangStreetAsync();
            await SignedInAsync(page, "street.huang");

            var response = await page.GotoAsync($"/evidence/{id}");

            Assert.Equal(404, response!.Status);
            Assert.DoesNotContain("image/png", response.Headers.GetValueOrDefault("content-type") ?? "", StringComparison.Ordinal);
        });

    [Fact]
    public Task The_coordinator_of_another_street_gets_the_same_not_found_as_for_an_id_that_does_not_exist() =>
        OnPageAsync(async page =>
        {
            var id = await EvidenceOfPingliangStreetAsync();
            await SignedInAsync(page, "coord.zhao");

            var existing = await page.APIRequest.GetAsync($"/evidence/{id}");
            var missing = await page.APIRequest.GetAsync("/evidence/999999");

            Assert.Equal((404, 404), (existing.Status, missing.Status));
        });

    [Fact]
    public Task The_holder_of_another_task_of_the_same_matter_gets_the_same_not_found_as_for_an_id_that_does_not_exist() =>
        OnPageAsync(async page =>
        {
            var id = await EvidenceOfPingliangStreetAsync();
            await SignedInAsync(page, "police.xu");

            var existing = await page.APIRequest.GetAsync($"/evidence/{id}");
            var missing = await page.APIRequest.GetAsync("/evidence/999999");

            Assert.Equal((404, 404), (existing.Status, missing.Status));
            Assert.DoesNotContain("image/png", existing.Headers.GetValueOrDefault("content-type") ?? "", StringComparison.Ordinal);
        });

    [Fact]
    public Task The_grid_worker_who_holds_the_task_gets_his_file() =>
        OnPageAsync(async page =>
        {
            var id = await EvidenceOfPingliangStreetAsync();
            await SignedInAsync(page, "grid.liu");

            var response = await page.APIRequest.GetAsync($"/evidence/{id}");

            Assert.Equal(200, response.Status);
            Assert.Equal(Png, await response.BodyAsync());
        });

    [Fact]
    public Task The_coordinator_of_the_matters_street_gets_the_file_inline() =>
        OnPageAsync(async page =>
        {
            var id = await EvidenceOfPingliangStreetAsync();
            await SignedInAsync(page, "coord.chen");

            var response = await page.APIRequest.GetAsync($"/evidence/{id}");

            Assert.Equal(200, response.Status);
            var headers = response.Headers;
            Assert.Equal("image/png", headers["content-type"]);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Contains("no-store", headers["cache-control"], StringComparison.Ordinal);
            Assert.StartsWith("inline", headers["content-disposition"], StringComparison.Ordinal);
            Assert.Contains("filename*=UTF-8''%E9%97%A8%E7%89%8C%E7%85%A7%E7%89%87.png", headers["content-disposition"], StringComparison.Ordinal);
            Assert.Equal(("DENY", "strict-origin-when-cross-origin"), (headers["x-frame-options"], headers["referrer-policy"]));
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
            Assert.Equal(Png, await response.BodyAsync());
        });

    [Fact]
    public Task A_pdf_comes_as_a_sandboxed_attachment_never_inline() =>
        OnPageAsync(async page =>
        {
            var (_, pdf) = await EvidenceFilesOfPingliangStreetAsync();
            await SignedInAsync(page, "coord.chen");

            var response = await page.APIRequest.GetAsync($"/evidence/{pdf}");

            Assert.Equal(200, response.Status);
            var headers = response.Headers;
            Assert.Equal("application/pdf", headers["content-type"]);
            Assert.StartsWith("attachment", headers["content-disposition"], StringComparison.Ordinal);
            Assert.Contains("filename*=UTF-8''%E5%9B%9E%E6%89%A7.pdf", headers["content-disposition"], StringComparison.Ordinal);
            Assert.Contains("sandbox", headers["content-security-policy"].Split(';', StringSplitOptions.TrimEntries));
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal(Pdf, await response.BodyAsync());
        });
}
