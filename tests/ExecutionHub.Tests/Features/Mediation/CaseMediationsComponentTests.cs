using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Mediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Mediation;

public sealed class CaseMediationsComponentTests : BunitTestBase, IAsyncLifetime
{
    private TestApp app = default!;
    private MediationScenario scenario = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        scope = app.Services.CreateAsyncScope();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_dialog_lists_every_missing_piece_at_once_and_saves_nothing_until_the_plan_adds_up()
    {
        await app.SignInAsAsync("coord.chen");
        AddAuthorization().SetAuthorized("coord.chen").SetRoles(Roles.Coordinator);
        var (dialogs, _) = UseApplication(scope);
        var cut = Render<CaseMediations>(p => p.Add(x => x.CaseId, scenario.Case.Id));
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("[data-testid=mediations-none]")));

        var opening = cut.Find("[data-testid=mediation-record]").ClickAsync(new());
        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("[data-testid=mediation-save]")));
        await dialogs.Find("[data-testid=mediation-save]").ClickAsync(new());

        await dialogs.WaitForAssertionAsync(() =>
        {
            var errors = dialogs.Find("[data-testid=mediation-errors]").TextContent;
            Assert.Contains("请选择调解员", errors);
            Assert.Contains("请至少登记一名到场人员", errors);
            Assert.Contains("请填写和解总额", errors);
            Assert.Contains("和解须至少有一期付款计划", errors);
        });
        await using var db = await app.DbAsync();
        Assert.False(await db.Mediations.AnyAsync(m => m.CaseId == scenario.Case.Id));
        Assert.False(opening.IsCompleted);
    }
}
