using Bunit;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Features.Account;
using ExecutionHub.Web.Features.Home;
using ExecutionHub.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace ExecutionHub.Tests.Components.Shared;

public sealed class UiSenderTests : BunitTestBase, IAsyncLifetime
{
    private TestApp app = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        scope = app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    /// <summary>The real mediator of the app under test, with the snackbar service the rendered provider shows.</summary>
    private UiSender Sender() => new(
        scope.ServiceProvider.GetRequiredService<ISender>(),
        Services.GetRequiredService<ISnackbar>(),
        Services.GetRequiredService<IStringLocalizer<SharedResource>>(),
        NullLogger<UiSender>.Instance);

    [Fact]
    public async Task A_refused_request_shows_a_clear_message_in_a_snackbar()
    {
        await app.SignInAsAsync("grid.liu");
        var snackbars = Render<MudSnackbarProvider>();

        var outcome = await snackbars.InvokeAsync(() => Sender().QueryAsync(new GetJudgeOverview()));

        Assert.False(outcome.Succeeded);
        snackbars.WaitForAssertion(() => Assert.Contains("您无权执行此操作，未做任何更改。", snackbars.Markup));
    }

    [Fact]
    public async Task An_invalid_request_returns_its_field_errors_and_saves_nothing()
    {
        await app.SignInAsAsync("judge.li");
        var snackbars = Render<MudSnackbarProvider>();

        var outcome = await snackbars.InvokeAsync(() => Sender().SendAsync(new ChangeMyCulture("xx")));

        Assert.False(outcome.Succeeded);
        Assert.Equal(nameof(ChangeMyCulture.Culture), Assert.Single(outcome.Errors).PropertyName);
        await using var db = await app.DbAsync();
        Assert.Equal("zh-CN", await db.Users.Where(u => u.UserName == "judge.li").Select(u => u.Culture).SingleAsync());
    }

    [Fact]
    public async Task A_domain_rule_refusal_shows_its_own_message_not_an_unexpected_error()
    {
        await app.SignInAsAsync("judge.wang");
        await using var db = await app.DbAsync();
        var judge = app.User.Current;
        var matter = await db.Matters.FirstAsync(m => m.CourtId == judge.CourtId && m.Status == ExecutionHub.Web.Domain.MatterStatus.Received);
        var snackbars = Render<MudSnackbarProvider>();

        var outcome = await snackbars.InvokeAsync(() => Sender().SendAsync(new ExecutionHub.Web.Features.Matters.Feedback.CloseMatter(matter.Id, matter.Version)));

        Assert.False(outcome.Succeeded);
        snackbars.WaitForAssertion(() => Assert.Contains("只有已反馈的事项可以办结。", snackbars.Markup));
    }
}
