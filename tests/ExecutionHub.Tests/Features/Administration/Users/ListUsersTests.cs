using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Infrastructure.Mediator;

namespace ExecutionHub.Tests.Features.Administration.Users;

public sealed class ListUsersTests
{
    [Fact]
    public async Task Rows_show_roles_and_the_scope_each_role_works_in()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var page = await app.SendAsync(new ListUsers(PageSize: 100));

        var rows = page.Items.ToDictionary(r => r.UserName);
        Assert.Equal([Roles.Administrator], rows["admin"].Roles);
        Assert.Null(rows["admin"].Scope);
        Assert.Equal("上海市杨浦区人民法院", rows["judge.wang"].Scope);
        Assert.Equal("平凉路街道", rows["coord.chen"].Scope);
        Assert.Equal("平凉一居委 · 平凉一居委第1网格", rows["grid.liu"].Scope);
        Assert.Equal("杨浦公安分局平凉路派出所", rows["police.xu"].Scope);
        Assert.Equal(page.TotalItems, page.Items.Count);
    }

    [Fact]
    public async Task Pages_through_users_in_user_name_order()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var first = await app.SendAsync(new ListUsers(Page: 0, PageSize: 3));
        var second = await app.SendAsync(new ListUsers(Page: 1, PageSize: 3));

        Assert.Equal(3, first.Items.Count);
        Assert.Equal(first.TotalItems, second.TotalItems);
        Assert.True(first.TotalItems > 6);
        var names = first.Items.Concat(second.Items).Select(r => r.UserName).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
    }

    [Theory]
    [InlineData("陈静", "coord.chen")]
    [InlineData("COORD.CH", "coord.chen")]
    [InlineData("police", "police.xu")]
    public async Task Searches_user_name_or_display_name(string search, string expected)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var page = await app.SendAsync(new ListUsers(Search: search));

        Assert.Equal(expected, Assert.Single(page.Items).UserName);
    }

    [Fact]
    public async Task Filters_by_role()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var page = await app.SendAsync(new ListUsers(Role: Roles.Judge));

        Assert.Equal(["judge.li", "judge.wang"], page.Items.Select(r => r.UserName));
    }

    [Fact]
    public async Task Disabled_users_are_listed_only_when_asked_for()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await app.SendAsync(new SetUserDisabled((await app.UserAsync("hr.he")).Id, Disabled: true));

        var active = await app.SendAsync(new ListUsers(Search: "hr.he"));
        var all = await app.SendAsync(new ListUsers(Search: "hr.he", IncludeDisabled: true));

        Assert.Empty(active.Items);
        Assert.True(Assert.Single(all.Items).IsDisabled);
    }

    [Fact]
    public async Task Locked_out_users_are_flagged()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await ResetUserPasswordTests.LockOutAsync(app, (await app.UserAsync("grid.sun")).Id);

        var page = await app.SendAsync(new ListUsers(Search: "grid.sun"));

        Assert.True(Assert.Single(page.Items).IsLockedOut);
    }

    [Fact]
    public async Task Coordinator_cannot_list_users()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListUsers()));
    }

    [Fact]
    public async Task Editor_offers_the_org_units_and_the_user_being_edited()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var liu = await app.UserAsync("grid.liu");

        var editor = await app.SendAsync(new GetUserEditor(liu.Id));

        Assert.Single(editor.Courts);
        Assert.Contains(editor.Streets, s => s.Name == "平凉路街道");
        Assert.Contains(editor.Grids, g => g.Name == "平凉一居委 · 平凉一居委第1网格");
        Assert.Equal(4, editor.Agencies.Count);
        Assert.Equal(Roles.GridWorker, editor.User!.Role);
        Assert.Equal(liu.GridId, editor.User.GridId);
    }
}
