using System.Globalization;
using System.Security.Claims;
using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Home;
using ExecutionHub.Web.Features.Window;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Home;

/// <summary>The coordinator's desk against the real pipeline, over a hand-built street.</summary>
public sealed class CoordinatorHomeTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;
    private HandBuiltData data = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);
        AddAuthorization().SetAuthorized("coordinator").SetRoles(Roles.Coordinator)
            .SetClaims(new Claim(ScopeClaims.Street, data.Street.Id.ToString(CultureInfo.InvariantCulture)));
        scope = app.Services.CreateAsyncScope();
        UseApplication(scope);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Should_show_this_months_window_visits_by_purpose()
    {
        foreach (var purpose in new[] { VisitPurpose.ClueSubmission, VisitPurpose.ClueSubmission, VisitPurpose.ExecutionMediation })
        {
            await app.SendAsync(new LogWindowVisit
            {
                StreetId = data.Street.Id,
                VisitedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1),
                Purpose = purpose,
                VisitorName = "来访人",
                Notes = "来访情况",
            });
        }

        var page = Render<CoordinatorHome>();

        await page.WaitForAssertionAsync(() => Assert.Equal("3", page.Find("[data-testid=coordinator-window-visits-value]").TextContent), Patience);
        Assert.Equal("0", page.Find("[data-testid=coordinator-window-matters-value]").TextContent);
        Assert.Contains("综合窗口 · 11月", page.Find("[data-testid=coordinator-window]").TextContent, StringComparison.Ordinal);
        Assert.Equal("线索提交 2", Squeeze(page.Find("[data-testid=coordinator-window-purpose-ClueSubmission]").TextContent));
        Assert.Equal("执行调解 1", Squeeze(page.Find("[data-testid=coordinator-window-purpose-ExecutionMediation]").TextContent));
        Assert.Equal("司法救助申请 0", Squeeze(page.Find("[data-testid=coordinator-window-purpose-JudicialRelief]").TextContent));
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
