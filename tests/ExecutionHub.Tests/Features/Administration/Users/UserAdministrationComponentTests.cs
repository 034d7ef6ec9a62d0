using System.Security.Claims;
using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Administration.Users;

public sealed class UserAdministrationComponentTests : BunitTestBase
{
    [Fact]
    public async Task Users_page_lists_users_with_their_role_and_scope()
    {
        await using var host = await AppComponentHost.StartAsync(this);
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Administrator).SetClaims(new Claim(ClaimTypes.NameIdentifier, host.Admin.Id));
        RenderProviders();

        var page = Render<UsersPage>();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid='user-row-coord.chen']")));
        var row = page.Find("[data-testid='user-row-coord.chen']").Closest("tr")!;
        Assert.Contains("陈静", row.TextContent);
        Assert.Contains("工作站协调员", row.TextContent);
        Assert.Contains("平凉路街道", row.TextContent);
        Assert.True(page.Find("[data-testid='user-disable-admin']").HasAttribute("disabled"), "an administrator cannot disable themselves");
        Assert.False(page.Find("[data-testid='user-disable-coord.chen']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task User_dialog_asks_for_a_street_once_coordinator_is_chosen()
    {
        await using var host = await AppComponentHost.StartAsync(this);
        var dialogs = Render<MudDialogProvider>();
        var popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<UserDialog>("新建用户"));
        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("[data-testid=user-form]")));
        Assert.Empty(dialogs.FindAll("[data-testid=user-street]"));

        await ChooseAsync(dialogs, popovers, "工作站协调员");

        await dialogs.WaitForAssertionAsync(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=user-street]")));
        Assert.Empty(dialogs.FindAll("[data-testid=user-court]"));
        Assert.Empty(dialogs.FindAll("[data-testid=user-grid]"));
    }

    [Fact]
    public async Task User_dialog_shows_the_password_rule_under_the_field_and_saves_nothing()
    {
        await using var host = await AppComponentHost.StartAsync(this);
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<UserDialog>("新建用户"));
        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("[data-testid=user-form]")));

        dialogs.Find("input[data-testid=user-username]").Input("admin.three");
        dialogs.Find("input[data-testid=user-displayname]").Input("第三管理员");
        dialogs.Find("input[data-testid=user-password]").Input("short1");
        await dialogs.Find("[data-testid=user-dialog-save]").ClickAsync(new());

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("密码至少需要 12 个字符", dialogs.Markup));
        Assert.NotEmpty(dialogs.FindAll("[data-testid=user-form]"));
        await using var db = await host.App.DbAsync();
        Assert.DoesNotContain(db.Users, u => u.UserName == "admin.three");
    }

    [Fact]
    public async Task User_dialog_creates_the_user_and_closes()
    {
        await using var host = await AppComponentHost.StartAsync(this);
        var dialogs = Render<MudDialogProvider>();
        var popovers = Render<MudPopoverProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        IDialogReference? dialog = null;
        await dialogs.InvokeAsync(async () => dialog = await Services.GetRequiredService<IDialogService>().ShowAsync<UserDialog>("新建用户"));
        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("[data-testid=user-form]")));

        dialogs.Find("input[data-testid=user-username]").Input("admin.three");
        dialogs.Find("input[data-testid=user-displayname]").Input("第三管理员");
        await ChooseAsync(dialogs, popovers, "管理员");
        dialogs.Find("input[data-testid=user-password]").Input(UserAdministrationTestKit.NewPassword);
        await dialogs.Find("[data-testid=user-dialog-save]").ClickAsync(new());

        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.Equal([Roles.Administrator], await host.App.RolesOfAsync("admin.three"));
        await snackbars.WaitForAssertionAsync(() => Assert.Contains("已保存", snackbars.Markup));
    }

    [Fact]
    public async Task User_dialog_shows_a_judges_staff_number_refuses_a_taken_one_under_the_field_and_saves_a_free_one()
    {
        await using var host = await AppComponentHost.StartAsync(this);
        var judge = await host.App.UserAsync("judge.li");
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        IDialogReference? dialog = null;
        await dialogs.InvokeAsync(async () => dialog = await Services.GetRequiredService<IDialogService>()
            .ShowAsync<UserDialog>("编辑用户", new DialogParameters<UserDialog> { { d => d.UserId, judge.Id } }));
        await dialogs.WaitForAssertionAsync(() => Assert.Equal("011037", dialogs.Find("input[data-testid=user-staff-number]").GetAttribute("value")));

        dialogs.Find("input[data-testid=user-staff-number]").Input("011021");
        await dialogs.Find("[data-testid=user-dialog-save]").ClickAsync(new());

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("工号已由本院其他人员使用。", dialogs.Markup));
        Assert.Equal("011037", (await host.App.UserAsync("judge.li")).StaffNumber);

        dialogs.Find("input[data-testid=user-staff-number]").Input("011050");
        await dialogs.Find("[data-testid=user-dialog-save]").ClickAsync(new());

        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.Equal("011050", (await host.App.UserAsync("judge.li")).StaffNumber);
    }

    /// <summary>Opens the role select and clicks the option, as a user would.</summary>
    private static async Task ChooseAsync(IRenderedComponent<MudDialogProvider> dialogs, IRenderedComponent<MudPopoverProvider> popovers, string roleText)
    {
        var select = dialogs.FindComponents<MudSelect<string>>().Single();
        await dialogs.InvokeAsync(select.Instance.OpenMenu);
        await popovers.WaitForAssertionAsync(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == roleText));
        await popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == roleText).ClickAsync(new());
    }
}
