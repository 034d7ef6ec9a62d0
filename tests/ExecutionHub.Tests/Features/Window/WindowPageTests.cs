using System.Security.Claims;
using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Window;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Window;

/// <summary>The window's visit list and log dialog against the real pipeline, over a hand-built street.</summary>
public sealed class WindowPageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;
    private HandBuiltData data = default!;
    private AsyncServiceScope scope;
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);
        AddAuthorization().SetAuthorized("coordinator").SetRoles(Roles.Coordinator)
            .SetClaims(new Claim(ScopeClaims.Street, data.Street.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        scope = app.Services.CreateAsyncScope();
        dialogs = UseApplication(scope).Dialogs;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Should_say_so_when_no_visit_has_been_logged_yet()
    {
        var page = Render<WindowPage>();

        await page.WaitForAssertionAsync(() => Assert.Contains("还没有接待记录", page.Find("[data-testid=window-empty]").TextContent, StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task Should_list_visits_with_the_visitors_name_and_phone_masked()
    {
        var clue = await LogAsync(VisitPurpose.ClueSubmission, "毛秀英", "13812345678");
        var consultation = await LogAsync(VisitPurpose.FilingConsultation, "周明", "021-65432100");

        var page = Render<WindowPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal("毛*英", page.Find($"[data-testid=visit-{clue}-name]").TextContent), Patience);
        Assert.Equal("138****5678", page.Find($"[data-testid=visit-{clue}-phone]").TextContent);
        Assert.Equal("周*", page.Find($"[data-testid=visit-{consultation}-name]").TextContent);
        Assert.Equal("021*****2100", page.Find($"[data-testid=visit-{consultation}-phone]").TextContent);
        Assert.DoesNotContain("毛秀英", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", page.Markup, StringComparison.Ordinal);
        Assert.Equal("线索提交", page.Find($"[data-testid=visit-{clue}-purpose]").TextContent);

        // A clue can become a matter; a consultation cannot.
        Assert.Equal($"/matters/new?visit={clue}", page.Find($"[data-testid=visit-{clue}-to-matter]").GetAttribute("href"));
        Assert.Empty(page.FindAll($"[data-testid=visit-{consultation}-to-matter]"));
    }

    [Fact]
    public async Task Should_refuse_an_incomplete_visit_in_the_form_and_save_nothing()
    {
        var page = Render<WindowPage>();
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=window-empty]")), Patience);

        // The button awaits the dialog's result: fire it and wait for the dialog instead.
        _ = page.InvokeAsync(() => page.Find("[data-testid=window-log]").Click());
        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("[data-testid=log-visit-dialog]")), Patience);
        dialogs.Find("input[data-testid=visit-visitor-phone]").Change("12345");
        await dialogs.Find("[data-testid=visit-save]").ClickAsync(new());

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("电话号码格式不正确", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Contains(dialogs.FindAll(".mud-input-control"), field =>
            field.QuerySelector("input[data-testid=visit-visitor-name]") is not null && field.QuerySelector(".mud-input-error") is not null);
        Assert.NotNull(dialogs.Find("[data-testid=log-visit-dialog]"));
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.WindowVisits.CountAsync());
    }

    private Task<int> LogAsync(VisitPurpose purpose, string name, string phone) =>
        app.SendAsync(new LogWindowVisit
        {
            StreetId = data.Street.Id,
            VisitedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10),
            VisitorKind = VisitorKind.Applicant,
            Purpose = purpose,
            VisitorName = name,
            VisitorPhone = phone,
            Notes = "来访情况",
        });
}
