using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Cases;

/// <summary>
/// A page that opens one record the user may not see, or that is gone, says so once, in place — not a
/// "您无权执行此操作，未做任何更改。" snackbar over a "记录不存在" alert.
/// </summary>
public sealed class CasePageRefusalTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;
    private HandBuiltData data = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_coordinator_opening_another_streets_case_sees_one_message_and_no_refusal_snackbar()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        var other = new Street { Name = "他街道", CourtId = data.Court.Id };
        await using (var db = await app.DbAsync())
        {
            db.Streets.Add(other);
            await db.SaveChangesAsync();
        }

        await AssertOneMessageAsync(@case.Id, other.Id);
    }

    [Fact]
    public async Task A_coordinator_opening_a_case_that_does_not_exist_sees_the_same_one_message()
    {
        await AssertOneMessageAsync(caseId: 999_999, data.Street.Id);
    }

    private async Task AssertOneMessageAsync(int caseId, int streetId)
    {
        data.ActAsStreet(Roles.Coordinator, streetId);
        AddAuthorization().SetAuthorized("street-user").SetRoles(Roles.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, snackbars) = UseApplication(scope);

        var page = Render<CasePage>(p => p.Add(x => x.Id, caseId));

        await page.WaitForAssertionAsync(() => Assert.Equal("无法打开：该记录不存在、已被删除，或不在您的查看范围内。", page.Find("[data-testid=cannot-open]").TextContent.Trim()), Patience);
        Assert.Single(page.FindAll(".mud-alert"));
        Assert.Empty(snackbars.FindAll(".mud-snackbar"));
        Assert.DoesNotContain("未做任何更改", snackbars.Markup + page.Markup, StringComparison.Ordinal);
    }
}
