using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed partial class ReferralRoundTripTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Judge_refers_coordinator_dispatches_worker_finds_coordinator_feeds_back_judge_closes() =>
        OnPageAsync(async judge =>
        {
            var caseNumber = await JudgesCaseInPingliangAsync();

            // The judge refers a whereabouts matter from one of their cases.
            await SignInAsync(judge, "judge.wang");
            await judge.GotoAsync("/matters/new");
            await WaitForCircuitAsync(judge);
            await judge.GetByTestId("register-case-number").FillAsync(caseNumber);
            await judge.GetByTestId("register-case-number").BlurAsync();
            await Expect(judge.GetByTestId("register-respondents")).ToBeVisibleAsync();
            await judge.GetByTestId("details-last-known").FillAsync("上海市杨浦区平凉路100弄1号");
            await judge.GetByTestId("register-request").FillAsync("被执行人下落不明，请核实现住址及作息规律。");
            await judge.GetByTestId("register-submit").ClickAsync();
            await Expect(judge).ToHaveURLAsync(MatterUrl());
            var matterUrl = new Uri(judge.Url).AbsolutePath;
            await Expect(judge.GetByTestId("matter-status")).ToHaveTextAsync("已接收");

            // The coordinator of the street registers it and dispatches it to the grid worker.
            await OnPageAsync(async coordinator =>
            {
                await SignInAsync(coordinator, "coord.chen");
                await coordinator.GotoAsync(matterUrl);
                await WaitForCircuitAsync(coordinator);
                await coordinator.GetByTestId("action-accept").ClickAsync();
                await Expect(coordinator.GetByTestId("matter-status")).ToHaveTextAsync("已登记");
                await coordinator.GetByTestId("action-dispatch").ClickAsync();
                await coordinator.GetByTestId("dispatch-candidate-刘建国").ClickAsync();
                await coordinator.GetByTestId("dispatch-confirm").ClickAsync();
                await Expect(coordinator.GetByTestId("matter-status")).ToHaveTextAsync("已分派");
            });

            // The grid worker records what they found, on a phone.
            await OnPageAsync(
                async worker =>
                {
                    await SignInAsync(worker, "grid.liu");
                    await worker.GotoAsync("/tasks");
                    await WaitForCircuitAsync(worker);
                    var reference = await judge.GetByTestId("matter-reference").InnerTextAsync();
                    await worker.GetByTestId($"my-task-{reference}").GetByTestId("my-task-open").ClickAsync();
                    await WaitForCircuitAsync(worker);
                    await worker.GetByTestId("finding-found-yes").ClickAsync();
                    await worker.GetByTestId("finding-address").FillAsync("上海市杨浦区河间路200弄3号201室");
                    await worker.GetByTestId("finding-routine").FillAsync("每天早上7点前在家");
                    await worker.GetByTestId("finding-notes").FillAsync("邻居证实其近三个月居住于此。");
                    await worker.Locator("[data-testid=evidence-upload] input[type=file]").Last.SetInputFilesAsync(new FilePayload
                    {
                        Name = "门牌照片.png",
                        MimeType = "image/png",
                        Buffer = DoorPhoto,
                    });
                    await Expect(worker.GetByTestId("evidence-list")).ToContainTextAsync("门牌照片.png");
                    await worker.GetByTestId("finding-submit").ClickAsync();
                    await Expect(worker).ToHaveURLAsync(new Regex("/tasks$"));
                },
                new ViewportSize { Width = 390, Height = 844 });

            // The coordinator accepts the finding and feeds back the consolidated result.
            await OnPageAsync(async coordinator =>
            {
                await SignInAsync(coordinator, "coord.chen");
                await coordinator.GotoAsync(matterUrl);
                await WaitForCircuitAsync(coordinator);
                await Expect(coordinator.GetByTestId("evidence-link")).ToContainTextAsync("门牌照片.png");
                await coordinator.GetByTestId("task-accept").ClickAsync();
                await Expect(coordinator.GetByTestId("feedback-text")).ToHaveValueAsync(new Regex("河间路200弄3号"));
                await coordinator.GetByTestId("action-feedback").ClickAsync();
                await coordinator.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "反馈法院" }).ClickAsync();
                await Expect(coordinator.GetByTestId("matter-status")).ToHaveTextAsync("已反馈");
            });

            // The judge sees the feedback, acknowledges it and closes the matter.
            await judge.ReloadAsync();
            await WaitForCircuitAsync(judge);
            await Expect(judge.GetByTestId("matter-feedback")).ToContainTextAsync("河间路200弄3号201室");
            await judge.GetByTestId("action-acknowledge").ClickAsync();
            await judge.GetByTestId("action-close").ClickAsync();
            await judge.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
            await Expect(judge.GetByTestId("matter-status")).ToHaveTextAsync("已办结");

            var events = await judge.GetByTestId("timeline-entry").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.event)");
            Assert.Equal(
                ["Timeline.MatterReceived", "Timeline.MatterRegistered", "Timeline.TaskDispatched", "Timeline.EvidenceUploaded", "Timeline.FindingSubmitted", "Timeline.FindingAccepted",
                 "Timeline.MatterFedBack", "Timeline.FeedbackAcknowledged", "Timeline.MatterClosed"],
                events);
        });

    /// <summary>A 1×1 PNG: what the workstation checks is the content, so it must be a real image.</summary>
    private static readonly byte[] DoorPhoto = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<string> JudgesCaseInPingliangAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Cases
            .Where(c => c.Street!.Name == "平凉路街道" && c.Status == CaseStatus.InExecution)
            .Where(c => db.Users.Any(u => u.Id == c.JudgeId && u.UserName == "judge.wang"))
            .Where(c => c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person))
            // An open whereabouts matter on the case (the demo's, another test's) would make this one a duplicate to confirm.
            .Where(c => !db.Matters.Open().Any(m => m.CaseId == c.Id && m.Type == MatterType.DebtorWhereabouts))
            .OrderByDescending(c => c.Id)
            .Select(c => c.CaseNumber)
            .FirstAsync();
    }

    [GeneratedRegex(@"/matters/\d+$")]
    private static partial Regex MatterUrl();
}
