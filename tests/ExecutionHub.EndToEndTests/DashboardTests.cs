using System.Text.RegularExpressions;
using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class DashboardTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task The_judges_dashboard_counts_a_coordinators_feedback_within_two_seconds_without_a_reload() =>
        OnPageAsync(async judge =>
        {
            var (matterId, reference) = await App.AddMatterReadyForFeedbackAsync("ZX-E2E");
            await SignInAsync(judge, "judge.wang");
            await WaitForCircuitAsync(judge);
            await judge.GotoAsync("/dashboard");
            await WaitForCircuitAsync(judge);
            var verified = judge.GetByTestId("figure-WhereaboutsVerified-value");
            await Expect(verified).Not.ToBeEmptyAsync();
            var before = int.Parse(await verified.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("zh-CN"));
            var awaiting = judge.GetByTestId("queue-awaiting");
            await Expect(awaiting.GetByText(reference)).ToHaveCountAsync(0);
            await judge.EvaluateAsync("() => window.__dashboardMarker = 'no reload'");

            await OnPageAsync(async coordinator =>
            {
                await SignInAsync(coordinator, "coord.chen");
                await coordinator.GotoAsync($"/matters/{matterId}");
                await WaitForCircuitAsync(coordinator);
                await Expect(coordinator.GetByTestId("feedback-text")).Not.ToBeEmptyAsync();
                await coordinator.GetByTestId("action-feedback").ClickAsync();
                await coordinator.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "反馈法院" }).ClickAsync();
                await Expect(coordinator.GetByTestId("matter-status")).ToHaveTextAsync("已反馈");
            });

            var twoSeconds = new LocatorAssertionsToHaveTextOptions { Timeout = 2_000 };
            await Expect(verified).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.GetCultureInfo("zh-CN")), twoSeconds);
            await Expect(awaiting.GetByText(reference)).ToHaveCountAsync(1, new() { Timeout = 2_000 });
            await Expect(judge.GetByTestId("figure-WhereaboutsVerified")).ToHaveAttributeAsync("data-changed", "true");
            Assert.Equal("no reload", await judge.EvaluateAsync<string>("() => window.__dashboardMarker"));

            await awaiting.GetByText(reference).ClickAsync();
            await Expect(judge).ToHaveURLAsync(new Regex($"/matters/{matterId}$"));
        });

    [Fact]
    public Task A_coordinator_sees_the_street_dashboard_and_a_figures_definition() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "coord.chen");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("nav-dashboard").ClickAsync();
            await Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync("工作站实时看板");
            await Expect(page.GetByTestId("dashboard-scope")).ToContainTextAsync("平凉路街道");
            await Expect(page.GetByTestId("queue-mine")).ToHaveCountAsync(0);
            await page.GetByTestId("figure-AverageCycle-info").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("首次反馈时间 − 收到时间 − 首次反馈前的暂停时长");
        });

    [Fact]
    public Task The_dashboard_fits_a_phone_screen() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "judge.wang");
            await page.GotoAsync("/dashboard");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("dashboard-charts")).ToBeVisibleAsync();
            await AssertFitsTheScreenAsync(page, "dashboard-phone");
        }, new ViewportSize { Width = 390, Height = 844 });
}
