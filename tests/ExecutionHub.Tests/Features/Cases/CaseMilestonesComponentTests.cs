using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Cases;

public sealed class CaseMilestonesComponentTests : BunitTestBase, IAsyncLifetime
{
    private TestApp app = default!;
    private MilestoneScenario scenario = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        scope = app.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        Services.AddScoped(_ => provider.GetRequiredService<ISender>());
        Services.AddScoped(_ => provider.GetRequiredService<IValidator<RecordMilestone>>());
        Services.AddSingleton(_ => provider.GetRequiredService<TimeProvider>());
        Services.AddScoped<UiSender>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_judge_records_a_seizure_in_the_dialog_and_sees_it_listed()
    {
        await app.SignInAsAsync("judge.wang");
        AddAuthorization().SetAuthorized("judge.wang").SetRoles(Roles.Judge);
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var recorded = 0;
        var cut = Render<CaseMilestones>(p => p.Add(x => x.CaseId, scenario.Case.Id).Add(x => x.Recorded, () => recorded++));
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("[data-testid=milestones-none]")));

        // The click's handler waits for the dialog to close, so it is awaited only at the end.
        var opening = cut.Find("[data-testid=milestone-record]").ClickAsync(new());
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("保存后将向 2 位申请执行人发送短信", dialogs.Markup));
        await dialogs.Find("[data-testid=milestone-save]").ClickAsync(new());

        // 财产查扣 needs an amount: the form says so and nothing is sent.
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("该类节点须填写金额", dialogs.Markup));
        await using (var db = await app.DbAsync())
        {
            Assert.False(await db.Milestones.AnyAsync());
        }

        dialogs.Find("[data-testid=milestone-amount] input, input[data-testid=milestone-amount]").Change("8000");
        await dialogs.Find("[data-testid=milestone-save]").ClickAsync(new());
        await opening.WaitAsync(TimeSpan.FromSeconds(10));

        await cut.WaitForAssertionAsync(() => Assert.Contains("财产查扣", cut.Find("[data-testid=milestones]").TextContent));
        Assert.Equal(1, recorded);
        Assert.Equal(2, (await scenario.OutboxAsync()).Count);
    }

    [Fact]
    public async Task A_coordinator_sees_the_milestones_and_switches_an_applicants_messages_off_but_cannot_record()
    {
        await using (var db = await app.DbAsync())
        {
            var street = await db.Streets.SingleAsync(s => s.Id == scenario.Case.StreetId);
            await app.SignInAsAsync(street.Name == "平凉路街道" ? "coord.chen" : "coord.zhao");
        }

        AddAuthorization().SetAuthorized("coord").SetRoles(Roles.Coordinator);
        RenderProviders();
        var cut = Render<CaseMilestones>(p => p.Add(x => x.CaseId, scenario.Case.Id));
        var applicant = scenario.Applicants[0];
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find($"input[data-testid=applicant-messages-{applicant.Id}]")));

        Assert.Empty(cut.FindAll("[data-testid=milestone-record]"));
        Assert.DoesNotContain(applicant.Name, cut.Markup, StringComparison.Ordinal);
        await cut.Find($"input[data-testid=applicant-messages-{applicant.Id}]").ChangeAsync(new() { Value = false });

        await using var check = await app.DbAsync();
        await cut.WaitForAssertionAsync(() => Assert.True(check.CaseParties.AsNoTracking().Single(p => p.Id == applicant.Id).OptedOutOfMessages));
    }

    /// <summary>The demo data's own milestones would blur what the test records.</summary>
    private static async Task WithoutDemoMilestonesAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        await db.Milestones.ExecuteDeleteAsync();
    }
}
