using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// The 4+1+X organisation at work: an application goes through the hearing-and-relief group to
/// the judge; a partner agency answers its own task through its own sign-in. Each test arranges
/// its own matter in the database, so it does not depend on what the others did.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GroupsAndAgenciesTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Coordinator_routes_a_relief_application_to_the_hearing_group_a_member_recommends_and_the_judge_decides() =>
        OnPageAsync(async coordinator =>
        {
            var (matterId, reference) = await ArrangeMatterAsync(MatterType.JudicialRelief, new MatterDetails
            {
                ApplicantHardship = "申请人年老多病，无固定收入。",
                AmountRequested = 30_000m,
            });

            // The coordinator routes it to the hearing-and-relief group.
            await SignInAsync(coordinator, "coord.chen");
            await coordinator.GotoAsync($"/matters/{matterId}");
            await WaitForCircuitAsync(coordinator);
            await Expect(coordinator.GetByTestId("matter-route")).ToHaveTextAsync("尚未流转");
            await coordinator.GetByTestId("action-route-group").ClickAsync();
            await coordinator.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确定流转" }).ClickAsync();
            await Expect(coordinator.GetByTestId("matter-route")).ToHaveTextAsync("听证救助组");
            await Expect(coordinator.GetByTestId("matter-group-name")).ToHaveTextAsync("听证救助组");
            await Expect(coordinator.GetByTestId("matter-recommendation")).ToHaveTextAsync("待工作组建议");

            // A grid worker of the group finds it in their group queue and records the recommendation, on a phone.
            await OnPageAsync(
                async member =>
                {
                    await SignInAsync(member, "grid.liu");
                    await member.GotoAsync("/tasks");
                    await WaitForCircuitAsync(member);
                    var item = member.GetByTestId($"group-matter-{reference}");
                    await item.GetByTestId("group-recommend").ClickAsync();
                    await Expect(member.GetByTestId("recommend-summary")).ToContainTextAsync("年老多病");
                    await Field(member, "recommend-text").FillAsync("经听证核实，申请人生活确有困难，建议救助二万元。");
                    await member.GetByTestId("recommend-confirm").ClickAsync();
                    await Expect(item.GetByTestId("group-recommend")).ToHaveCountAsync(0);
                },
                new ViewportSize { Width = 390, Height = 844 });

            // The judge decides on it; the dialog shows the group's recommendation as recorded.
            await OnPageAsync(async judge =>
            {
                await SignInAsync(judge, "judge.wang");
                await judge.GotoAsync($"/matters/{matterId}");
                await WaitForCircuitAsync(judge);
                await Expect(judge.GetByTestId("matter-recommendation")).ToContainTextAsync("建议救助二万元");
                await judge.GetByTestId("action-decide").ClickAsync();
                await Expect(judge.GetByTestId("decide-recorded-recommendation")).ToContainTextAsync("建议准予");
                await Field(judge, "decide-amount").FillAsync("20000");
                await Field(judge, "decide-reason").FillAsync("采纳听证救助组建议");
                await judge.GetByTestId("decide-confirm").ClickAsync();
                await Expect(judge.GetByTestId("decision-verdict")).ToHaveTextAsync("准予");

                var events = await judge.GetByTestId("timeline-entry").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.event)");
                Assert.Equal(["Timeline.MatterReceived", "Timeline.MatterRegistered", "Timeline.ApplicationRoutedToGroup", "Timeline.GroupRecommended", "Timeline.ApplicationGranted"], events);
            });
        });

    [Fact]
    public Task The_groups_page_shows_a_coordinator_the_four_groups_with_members_duties_and_open_work_on_a_phone() =>
        OnPageAsync(
            async page =>
            {
                await SignInAsync(page, "coord.chen");
                await page.GotoAsync("/groups");
                await WaitForCircuitAsync(page);
                foreach (var kind in Enum.GetValues<WorkingGroupKind>())
                {
                    await Expect(page.GetByTestId($"group-{kind}").GetByTestId("group-members")).ToBeVisibleAsync();
                }

                await Expect(page.GetByTestId("group-HearingAndRelief").GetByTestId("group-responsibility")).ToContainTextAsync("司法救助");
                await Expect(page.GetByTestId("group-HearingAndRelief")).ToContainTextAsync("待工作组建议");
                await Expect(page.GetByTestId("group-ExecutionInvestigation")).ToContainTextAsync("待认领");
                await AssertFitsTheScreenAsync(page, "groups-phone");
            },
            new ViewportSize { Width = 390, Height = 844 });

    [Fact]
    public Task An_hr_agent_sees_only_their_agencys_task_and_records_the_employer_found() =>
        OnPageAsync(async agent =>
        {
            var (matterId, reference) = await ArrangeMatterAsync(MatterType.AssetClueVerification, new MatterDetails
            {
                ClueKind = AssetClueKind.Income,
                Employer = "上海申通物流有限公司",
                Position = "驾驶员",
            });
            var (_, policeReference) = await ArrangeMatterAsync(MatterType.DebtorWhereabouts, new MatterDetails { LastKnownAddresses = "上海市杨浦区平凉路100弄1号" });
            await DispatchToAgencyAsync(matterId, PartnerAgencyKind.HumanResourcesAndSocialSecurity, "请核查被执行人社保缴纳单位。");
            await DispatchToAgencyAsync(await MatterIdAsync(policeReference), PartnerAgencyKind.Police, "请核查暂住登记。");

            await SignInAsync(agent, "hr.he");
            await agent.GotoAsync("/tasks");
            await WaitForCircuitAsync(agent);
            await Expect(agent.GetByTestId($"my-task-{reference}")).ToBeVisibleAsync();
            await Expect(agent.GetByTestId($"my-task-{policeReference}")).ToHaveCountAsync(0);

            await agent.GetByTestId($"my-task-{reference}").GetByTestId("my-task-open").ClickAsync();
            await WaitForCircuitAsync(agent);
            await Field(agent, "finding-employer").FillAsync("上海申通物流有限公司");
            await Field(agent, "finding-income").FillAsync("8000");
            await Field(agent, "finding-notes").FillAsync("社保系统显示该单位为其缴纳社保至本月。");
            await agent.GetByTestId("finding-submit").ClickAsync();
            await Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tasks$"));

            await using var scope = App.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.MatterId == matterId);
            Assert.Equal(VerificationTaskStatus.Submitted, task.Status);
            Assert.Equal("上海申通物流有限公司", task.Finding!.Employer);
        });

    /// <summary>The input of a MudBlazor field, wherever the test id landed (on the input or on its wrapper).</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>A registered matter of 平凉路街道 on one of judge.wang's cases, as the coordinator would have registered it.</summary>
    private async Task<(int Id, string Reference)> ArrangeMatterAsync(MatterType type, MatterDetails details)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var coordinator = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        var @case = await db.Cases.Include(c => c.Parties)
            .Where(c => c.Street!.Name == "平凉路街道" && c.Status == CaseStatus.InExecution)
            .Where(c => db.Users.Any(u => u.Id == c.JudgeId && u.UserName == "judge.wang"))
            .Where(c => c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person))
            .OrderBy(c => c.Id)
            .FirstAsync();
        var prefix = $"ZX-{now.AddHours(8).Year.ToString(CultureInfo.InvariantCulture)}-";
        var last = await db.Matters.Where(m => m.Reference.StartsWith(prefix)).MaxAsync(m => m.Reference);
        var matter = Matter.Receive(
            @case,
            @case.Parties.First(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person),
            type,
            MatterSource.PartyApplication,
            prefix + (int.Parse(last![prefix.Length..], CultureInfo.InvariantCulture) + 1).ToString("00000", CultureInfo.InvariantCulture),
            now.AddMinutes(-10),
            coordinator.Id,
            "请核查。",
            details);
        matter.Register(now.AddMinutes(-10));
        db.Matters.Add(matter);
        await db.SaveChangesAsync();
        foreach (var entry in new[] { "Timeline.MatterReceived", "Timeline.MatterRegistered" })
        {
            db.Timeline.Add(new TimelineEntry { CaseId = @case.Id, MatterId = matter.Id, AtUtc = now.AddMinutes(-10), ActorId = coordinator.Id, ActorName = coordinator.DisplayName, Event = entry });
        }

        await db.SaveChangesAsync();
        return (matter.Id, matter.Reference);
    }

    private async Task<int> MatterIdAsync(string reference)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Matters.Where(m => m.Reference == reference).Select(m => m.Id).SingleAsync();
    }

    /// <summary>A task to the agency as a whole, as the coordinator's dispatch dialog would send it.</summary>
    private async Task DispatchToAgencyAsync(int matterId, PartnerAgencyKind kind, string instructions)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var matter = await db.Matters.Include(m => m.Tasks).SingleAsync(m => m.Id == matterId);
        var agency = await db.PartnerAgencies.SingleAsync(a => a.Kind == kind);
        matter.MarkDispatched(now);
        matter.Tasks.Add(new VerificationTask { PartnerAgencyId = agency.Id, Instructions = instructions, AssignedAtUtc = now, DueAtUtc = now.AddHours(24) });
        await db.SaveChangesAsync();
    }
}
