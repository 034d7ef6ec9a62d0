using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class ApiClientTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Administrator_registers_a_client_copies_its_key_once_and_sees_the_clients_call_in_the_log() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "admin");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
            await page.GotoAsync("/admin/api-clients");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("api-clients-table")).ToContainTextAsync("杨浦法院执行办案系统（演示）");

            await page.GetByTestId("api-client-register").ClickAsync();
            await page.GetByTestId("api-client-name").FillAsync("浏览器测试系统");
            await page.GetByTestId("api-client-scope-statistics-read").CheckAsync();
            await page.GetByTestId("api-client-save").ClickAsync();

            var keyField = page.GetByTestId("api-key-value");
            await Expect(keyField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ehk_"));
            var key = await keyField.InputValueAsync();
            await page.GetByTestId("api-key-done").ClickAsync();
            await Expect(page.GetByTestId("api-key-dialog")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("api-clients-table")).ToContainTextAsync("浏览器测试系统");

            using var http = new HttpClient { BaseAddress = App.BaseAddress };
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/statistics/headline")).StatusCode);

            // The call log is written off the request path; the client's page reads it once, when it opens.
            await App.Services.GetRequiredService<ExecutionHub.Web.Features.Api.ApiCallLogWriter>().FlushAsync();

            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "浏览器测试系统" }).ClickAsync();
            await Expect(page.GetByTestId("api-client-title")).ToHaveTextAsync("浏览器测试系统");
            await Expect(page.GetByTestId("api-calls-table")).ToContainTextAsync("GET /api/v1/statistics/headline");
            await Expect(page.GetByTestId("api-calls-table")).ToContainTextAsync("200");
            Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);

            await page.GotoAsync("/admin/api-reference");
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("ExecutionHub API"));
        });
}
