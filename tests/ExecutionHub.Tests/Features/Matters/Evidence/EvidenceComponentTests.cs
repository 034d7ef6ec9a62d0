using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Evidence;
using ExecutionHub.Web.Infrastructure.Storage;
using Mediator;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Matters.Evidence;

public sealed class EvidenceComponentTests : BunitTestBase, IAsyncLifetime
{
    private EvidenceScenario scenario = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        scenario = await EvidenceScenario.CreateAsync();
        scope = scenario.App.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        Services.AddScoped(_ => provider.GetRequiredService<ISender>());
        Services.AddSingleton(_ => provider.GetRequiredService<IEvidenceStore>());
        Services.AddScoped<UiSender>();
        RenderProviders();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await scenario.DisposeAsync();
    }

    [Fact]
    public void The_camera_button_opens_the_camera_and_the_file_button_also_takes_pdfs()
    {
        var cut = Render<EvidenceUpload>(p => p.Add(x => x.TaskId, scenario.WorkerTask.Id));

        var inputs = cut.FindAll("input[type=file]");
        Assert.Equal(2, inputs.Count);
        Assert.Equal(("environment", "image/*"), (inputs[0].GetAttribute("capture"), inputs[0].GetAttribute("accept")));
        Assert.Null(inputs[1].GetAttribute("capture"));
        Assert.Contains("application/pdf", inputs[1].GetAttribute("accept"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_photo_is_uploaded_and_listed_with_a_link_that_opens_in_a_new_tab()
    {
        scenario.ActAsGridWorker(scenario.Worker);
        var reported = new List<int>();
        var cut = Render<EvidenceUpload>(p => p
            .Add(x => x.TaskId, scenario.WorkerTask.Id)
            .Add(x => x.OnUploaded, id => reported.Add(id)));

        cut.FindComponents<InputFile>()[1].UploadFiles(InputFileContent.CreateFromBinary(EvidenceScenario.Photo, "门口照片.jpg", contentType: "image/jpeg"));

        await cut.WaitForAssertionAsync(() => Assert.Single(reported));
        await using var db = await scenario.App.DbAsync();
        var evidence = await db.Evidence.SingleAsync();
        Assert.Equal(evidence.Id, reported[0]);
        var link = cut.Find($"a[href='/evidence/{evidence.Id}']");
        Assert.Equal(("门口照片.jpg", "_blank"), (link.TextContent, link.GetAttribute("target")));
    }

    [Fact]
    public async Task A_text_file_posing_as_a_photo_is_marked_failed_and_not_linked()
    {
        scenario.ActAsGridWorker(scenario.Worker);
        var cut = Render<EvidenceUpload>(p => p.Add(x => x.TaskId, scenario.WorkerTask.Id));

        cut.FindComponents<InputFile>()[1].UploadFiles(InputFileContent.CreateFromText("不是照片", "photo.jpg", contentType: "image/jpeg"));

        await cut.WaitForAssertionAsync(() => Assert.Contains("photo.jpg", cut.Find("[data-testid=evidence-uploads]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("a[href^='/evidence/']"));
        await using var db = await scenario.App.DbAsync();
        Assert.False(await db.Evidence.AnyAsync());
    }

    [Fact]
    public async Task The_list_shows_each_file_with_its_uploader_and_offers_deletion_to_the_uploader_only()
    {
        scenario.ActAsGridWorker(scenario.Worker);
        var id = await scenario.App.SendAsync(new UploadEvidence(scenario.WorkerTask.Id, "门口照片.jpg", new MemoryStream(EvidenceScenario.Photo)));

        var mine = Render<EvidenceList>(p => p.Add(x => x.TaskId, scenario.WorkerTask.Id));
        await mine.WaitForAssertionAsync(() => Assert.NotEmpty(mine.FindAll("[data-testid=evidence-link]")));
        scenario.Data.ActAs(scenario.Data.Judge, Roles.Judge);
        var judges = Render<EvidenceList>(p => p.Add(x => x.TaskId, scenario.WorkerTask.Id));
        await judges.WaitForAssertionAsync(() => Assert.NotEmpty(judges.FindAll("[data-testid=evidence-link]")));

        Assert.Equal($"/evidence/{id}", mine.Find("[data-testid=evidence-link]").GetAttribute("href"));
        Assert.Contains("网格员甲", mine.Markup, StringComparison.Ordinal);
        Assert.Single(mine.FindAll("[data-testid=evidence-delete]"));
        Assert.Empty(judges.FindAll("[data-testid=evidence-delete]"));
    }
}
