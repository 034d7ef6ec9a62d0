using System.Globalization;
using System.Security.Claims;
using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Matters.Lifecycle;

/// <summary>The matter page's application decision against the real pipeline, over a hand-built relief application.</summary>
public sealed class MatterDecisionPageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;
    private HandBuiltData data = default!;
    private AsyncServiceScope scope;
    private ExecutionCase @case = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        @case = await data.AddCaseAsync(data.Judge);
        scope = app.Services.CreateAsyncScope();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    private Task<Matter> ReliefAsync(Action<Matter>? more = null) =>
        data.AddMatterAsync(@case, MatterType.JudicialRelief, TestApp.Start.UtcDateTime.AddHours(-2), matter =>
        {
            matter.Details = new MatterDetails { ApplicantHardship = "申请人重病，无力维持生活", AmountRequested = 20_000m };
            matter.Register(TestApp.Start.UtcDateTime.AddHours(-1));
            more?.Invoke(matter);
        });

    [Fact]
    public async Task A_judge_grants_relief_in_the_dialog_and_the_decision_shows_on_the_page()
    {
        var matter = await ReliefAsync();
        data.ActAs(data.Judge, Roles.Judge);
        AddAuthorization().SetAuthorized(data.Judge.UserName!).SetRoles(Roles.Judge);
        var dialogs = UseApplication(scope).Dialogs;
        var page = Render<MatterPage>(p => p.Add(x => x.Id, matter.Id));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=action-decide]")), Patience);

        // The button awaits the dialog's result: fire it and wait for the dialog instead.
        var opening = page.InvokeAsync(() => page.Find("[data-testid=action-decide]").Click());
        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("[data-testid=decide-dialog]")), Patience);
        dialogs.Find("input[data-testid=decide-amount], [data-testid=decide-amount] input").Input("25000");
        dialogs.Find("textarea[data-testid=decide-reason], [data-testid=decide-reason] textarea").Input("经听证，困难属实");
        await dialogs.Find("[data-testid=decide-confirm]").ClickAsync(new());

        // More than was asked for: the dialog says so and stays open.
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("救助金额不能超过申请金额", dialogs.Markup, StringComparison.Ordinal), Patience);
        dialogs.Find("input[data-testid=decide-amount], [data-testid=decide-amount] input").Input("12000");
        await dialogs.Find("[data-testid=decide-confirm]").ClickAsync(new());
        await opening.WaitAsync(Patience);

        await page.WaitForAssertionAsync(() => Assert.Contains("准予", page.Find("[data-testid=decision-verdict]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("12,000.00", page.Find("[data-testid=decision-amount]").TextContent, StringComparison.Ordinal);
        Assert.Equal("经听证，困难属实", page.Find("[data-testid=decision-reason]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=action-decide]"));
        await using var db = await app.DbAsync();
        var saved = await db.Matters.AsNoTracking().SingleAsync(m => m.Id == matter.Id);
        Assert.Equal(12_000m, saved.Decision!.AmountGranted);
        Assert.Equal(data.Judge.Id, saved.Decision.DecidedById);
    }

    [Fact]
    public async Task A_coordinator_sees_the_decision_but_cannot_decide()
    {
        var matter = await ReliefAsync(m => m.DecideApplication(ApplicationVerdict.Refused, "家庭另有稳定收入", null, null, data.Judge.Id, "法官甲", TestApp.Start.UtcDateTime));
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);
        AddAuthorization().SetAuthorized("coordinator").SetRoles(Roles.Coordinator)
            .SetClaims(new Claim(ScopeClaims.Street, data.Street.Id.ToString(CultureInfo.InvariantCulture)));
        UseApplication(scope);

        var page = Render<MatterPage>(p => p.Add(x => x.Id, matter.Id));

        await page.WaitForAssertionAsync(() => Assert.Contains("不予准许", page.Find("[data-testid=decision-verdict]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("家庭另有稳定收入", page.Find("[data-testid=decision-reason]").TextContent);
        Assert.Contains("法官甲", page.Find("[data-testid=matter-decision]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=decision-amount]"));
        Assert.Empty(page.FindAll("[data-testid=action-decide]"));
    }

    [Fact]
    public async Task A_judge_sees_no_decide_button_on_a_whereabouts_matter()
    {
        var matter = await data.AddMatterAsync(@case, TestApp.Start.UtcDateTime.AddHours(-2), MatterStatus.Registered);
        data.ActAs(data.Judge, Roles.Judge);
        AddAuthorization().SetAuthorized(data.Judge.UserName!).SetRoles(Roles.Judge);
        UseApplication(scope);

        var page = Render<MatterPage>(p => p.Add(x => x.Id, matter.Id));

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=action-extend]")), Patience);
        Assert.Empty(page.FindAll("[data-testid=action-decide]"));
        Assert.Empty(page.FindAll("[data-testid=matter-decision]"));
    }
}
