using System.Reflection;
using Bunit;
using ExecutionHub.Web.Components.Layout;
using ExecutionHub.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace ExecutionHub.Tests.Components.Layout;

public sealed class NavMenuTests : BunitTestBase
{
    [Fact]
    public void Administrator_sees_the_administration_links()
    {
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Administrator);

        var cut = Render<NavMenu>();

        Assert.Contains("首页", cut.Markup);
        Assert.Contains("用户管理", cut.Markup);
        Assert.NotNull(cut.Find("a[href='/admin/users']"));
        Assert.NotNull(cut.Find("a[href='/hangfire']"));
        Assert.NotNull(cut.Find("a[href='/admin/templates']"));
    }

    [Theory]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.GridWorker)]
    [InlineData(Roles.StreetOfficer)]
    [InlineData(Roles.PartnerAgent)]
    public void Other_roles_do_not_see_administration(string role)
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(role);

        var cut = Render<NavMenu>();

        Assert.Contains("首页", cut.Markup);
        Assert.Empty(cut.FindAll("a[href='/admin/users']"));
        Assert.Empty(cut.FindAll("a[href='/hangfire']"));
    }

    [Theory]
    [InlineData(Roles.StreetOfficer, true)]
    [InlineData(Roles.Coordinator, true)]
    [InlineData(Roles.Judge, true)]
    [InlineData(Roles.GridWorker, false)]
    [InlineData(Roles.PartnerAgent, false)]
    [InlineData(Roles.Administrator, false)]
    public void Street_officers_coordinators_and_judges_find_the_statistics(string role, bool shown)
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(role);

        var cut = Render<NavMenu>();

        Assert.Equal(shown ? 1 : 0, cut.FindAll("a[href='/statistics']").Count);
    }

    [Fact]
    public void Coordinator_sees_the_service_window()
    {
        AddAuthorization().SetAuthorized("coord.chen").SetRoles(Roles.Coordinator);

        var cut = Render<NavMenu>();

        Assert.Equal("综合窗口", cut.Find("a[href='/window']").TextContent.Trim());
    }

    [Fact]
    public void Judge_does_not_see_the_service_window()
    {
        AddAuthorization().SetAuthorized("judge.wang").SetRoles(Roles.Judge);

        var cut = Render<NavMenu>();

        Assert.Empty(cut.FindAll("a[href='/window']"));
    }

    [Fact]
    public void Navigation_speaks_english_when_the_user_switches()
    {
        UseCulture("en");
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Administrator);

        var cut = Render<NavMenu>();

        Assert.Contains("Home", cut.Markup);
        Assert.Contains("Users", cut.Markup);
        Assert.DoesNotContain("首页", cut.Markup);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.GridWorker)]
    [InlineData(Roles.StreetOfficer)]
    [InlineData(Roles.PartnerAgent)]
    public void Should_lead_each_role_only_to_pages_that_role_may_open(string role)
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(role);
        var pages = typeof(NavMenu).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, Page: t)))
            .ToDictionary(r => r.Template, r => r.Page, StringComparer.OrdinalIgnoreCase);

        var links = Render<NavMenu>().FindAll("a[href^='/']").Select(a => a.GetAttribute("href")!).Where(pages.ContainsKey).ToList();

        Assert.NotEmpty(links);
        var refused = links.Where(href => pages[href].GetCustomAttribute<AuthorizeAttribute>()?.Roles is { } roles && !roles.Split(',').Contains(role)).ToList();
        Assert.True(refused.Count == 0, $"{role} is shown links to pages it is refused: {string.Join(", ", refused)}");
    }

    [Fact]
    public void Should_not_lead_the_administrator_to_case_matter_dashboard_or_statistics_pages()
    {
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Administrator);

        var cut = Render<NavMenu>();

        Assert.All(new[] { "/matters", "/cases", "/dashboard", "/statistics" }, href => Assert.Empty(cut.FindAll($"a[href='{href}']")));
    }
}
