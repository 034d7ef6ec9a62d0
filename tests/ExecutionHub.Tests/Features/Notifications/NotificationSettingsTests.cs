using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Notifications;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Notifications;

/// <summary>我的通知设置: SMS per kind of hand-off, defaults by role, and the page that sets them.</summary>
public sealed class NotificationSettingsTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;

    async Task IAsyncLifetime.InitializeAsync() => app = await TestApp.CreateAsync(demoData: true);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Should_offer_each_role_its_own_kinds_with_sms_on_for_street_workers_and_off_for_desk_roles()
    {
        await app.SignInAsAsync("grid.liu");
        var worker = await app.SendAsync(new GetMyNotificationSettings());
        await app.SignInAsAsync("coord.chen");
        var coordinator = await app.SendAsync(new GetMyNotificationSettings());
        await app.SignInAsAsync("judge.wang");
        var judge = await app.SendAsync(new GetMyNotificationSettings());
        await app.SignInAsAsync("street.huang");
        var streetOfficer = await app.SendAsync(new GetMyNotificationSettings());

        Assert.Equal(
            [HandOffKind.TaskDispatched, HandOffKind.FindingReturned, HandOffKind.MatterExtended, HandOffKind.MatterPaused, HandOffKind.MatterResumed],
            worker.Choices.Select(c => c.Kind));
        Assert.All(worker.Choices, c => Assert.True(c.Sms));
        Assert.Contains(coordinator.Choices, c => c.Kind == HandOffKind.NewMatter);
        Assert.Contains(coordinator.Choices, c => c.Kind == HandOffKind.Redirected);
        Assert.All(coordinator.Choices, c => Assert.False(c.Sms));
        Assert.Equal([HandOffKind.MatterFedBack, HandOffKind.MatterPaused, HandOffKind.MatterResumed], judge.Choices.Select(c => c.Kind));
        Assert.Empty(streetOfficer.Choices);
        Assert.Null(worker.MobilePhone);
    }

    [Fact]
    public async Task Should_keep_the_number_and_the_choices_a_user_saves()
    {
        await app.SignInAsAsync("coord.chen");

        await app.SendAsync(new SetMyNotificationSettings
        {
            MobilePhone = " 13900005678 ",
            Choices = [new HandOffSmsChoice(HandOffKind.NewMatter, true), new HandOffSmsChoice(HandOffKind.MatterReturned, false)],
        });

        var saved = await app.SendAsync(new GetMyNotificationSettings());
        Assert.Equal("13900005678", saved.MobilePhone);
        Assert.True(saved.Choices.Single(c => c.Kind == HandOffKind.NewMatter).Sms);
        Assert.False(saved.Choices.Single(c => c.Kind == HandOffKind.FindingSubmitted).Sms);
    }

    [Fact]
    public async Task Should_refuse_a_kind_the_role_is_never_told_about_and_a_number_that_is_not_a_mobile()
    {
        await app.SignInAsAsync("grid.liu");

        var rule = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await app.SendAsync(new SetMyNotificationSettings { Choices = [new HandOffSmsChoice(HandOffKind.NewMatter, true)] }));
        var invalid = await Assert.ThrowsAsync<ValidationException>(async () =>
            await app.SendAsync(new SetMyNotificationSettings { MobilePhone = "021-65551234" }));

        Assert.Equal("Validation.KindNotForRole", rule.MessageKey);
        Assert.Contains(invalid.Errors, e => e.PropertyName == nameof(SetMyNotificationSettings.MobilePhone) && e.ErrorMessage.Contains("手机号", StringComparison.Ordinal));
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.NotificationPreferences.CountAsync());
    }

    [Fact]
    public async Task Should_let_a_grid_worker_turn_an_sms_off_and_add_a_number_on_the_page()
    {
        var liu = await app.SignInAsAsync("grid.liu");
        await using var scope = app.Services.CreateAsyncScope();
        var (_, snackbars) = UseApplication(scope);
        var page = Render<NotificationSettingsPage>();
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=notification-settings-form]")), Patience);
        Assert.NotNull(page.Find("[data-testid=notification-settings-no-phone]"));

        page.Find("input[data-testid=notification-settings-phone], [data-testid=notification-settings-phone] input").Input("13900001234");
        page.Find("input[data-testid=sms-MatterPaused], [data-testid=sms-MatterPaused] input").Change(false);
        page.Find("[data-testid=notification-settings-save]").Click();

        await snackbars.WaitForAssertionAsync(() => Assert.Contains("通知设置已保存", snackbars.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("[data-testid=notification-settings-no-phone]"));
        await using var db = await app.DbAsync();
        Assert.Equal("13900001234", await db.Users.Where(u => u.Id == liu.Id).Select(u => u.PhoneNumber).SingleAsync());
        var choices = await db.NotificationPreferences.Where(p => p.UserId == liu.Id).ToDictionaryAsync(p => p.Kind, p => p.Sms);
        Assert.False(choices[HandOffKind.MatterPaused]);
        Assert.True(choices[HandOffKind.TaskDispatched]);
    }
}
