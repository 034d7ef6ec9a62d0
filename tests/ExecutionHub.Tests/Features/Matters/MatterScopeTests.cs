using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters;

public sealed class MatterScopeTests
{
    [Fact]
    public async Task A_grid_worker_cannot_load_another_workers_task()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");

        await scenario.AsAsync("grid.sun");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetMyTask(scenario.TaskId)));
        Assert.DoesNotContain(await app.SendAsync(new ListMyTasks(IncludeFinished: true)), t => t.TaskId == scenario.TaskId);
    }

    [Fact]
    public async Task The_assigned_grid_worker_sees_the_target_name_and_address_but_a_masked_phone_and_no_id()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await scenario.AsAsync("grid.liu");

        var task = await app.SendAsync(new GetMyTask(scenario.TaskId));

        await using var db = await app.DbAsync();
        var target = await db.Matters.Where(m => m.Id == scenario.MatterId).Select(m => m.TargetParty!).SingleAsync();
        Assert.Equal(target.Name, task.TargetName);
        Assert.Equal(target.Addresses, task.Addresses);
        Assert.All(task.PhonesMasked, p => Assert.Contains("****", p));
        Assert.DoesNotContain(typeof(MyTaskView).GetProperties(), p => p.Name.Contains("Identity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("grid.liu")]
    [InlineData("street.huang")]
    [InlineData("police.xu")]
    [InlineData("coord.zhao")]
    [InlineData("admin")]
    public async Task Only_the_court_and_the_street_load_a_matter(string outsider)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");

        await scenario.AsAsync(outsider);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetMatter(scenario.MatterId)));
    }

    [Fact]
    public async Task A_street_officer_cannot_list_any_matter()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("street.huang");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListMatters()));
    }

    [Theory]
    [InlineData("judge.wang")]
    [InlineData("coord.chen")]
    public async Task The_matters_court_and_street_load_it_with_personal_data_masked(string insider)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AsAsync(insider);

        var view = await app.SendAsync(new GetMatter(scenario.MatterId));

        Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", view.Target.IdentityNumber);
        Assert.Contains("*", view.Target.Name);
        Assert.All(view.Target.Phones, p => Assert.Matches(@"^\d{3}\*{4}\d{4}$", p));
    }

    [Fact]
    public async Task Revealing_personal_data_is_audited()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var judge = await scenario.AsAsync("judge.wang");

        var revealed = await app.SendAsync(new RevealPartyData(scenario.MatterId));

        Assert.True(IdentityNumbers.IsResidentId(revealed.IdentityNumber));
        await using var db = await app.DbAsync();
        var audit = await db.Audit.SingleAsync(a => a.Action == "PersonalData.Reveal");
        Assert.Equal((judge.Id, TestApp.Start.UtcDateTime), (audit.UserId, audit.AtUtc));
    }

    [Fact]
    public async Task A_coordinator_lists_only_the_matters_of_their_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var me = await app.SignInAsAsync("coord.zhao");

        var page = await app.SendAsync(new ListMatters { PageSize = 200 });

        await using var db = await app.DbAsync();
        Assert.Equal(await db.Matters.CountAsync(m => m.StreetId == me.StreetId), page.Total);
        Assert.All(page.Rows, r => Assert.Equal("定海路街道", r.StreetName));
    }

    [Fact]
    public async Task Overdue_only_lists_open_unpaused_matters_past_their_due_time()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AsAsync("judge.wang");
        app.Clock.Advance(TimeSpan.FromHours(73));

        var overdue = await app.SendAsync(new ListMatters { OverdueOnly = true, PageSize = 200 });

        Assert.Contains(overdue.Rows, r => r.Id == scenario.MatterId);
        Assert.All(overdue.Rows, r => Assert.True(r.DueAtUtc < app.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task Filtering_by_assignee_lists_only_matters_with_a_task_for_that_worker()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var worker = await app.SignInAsAsync("grid.liu");
        await app.SignInAsAsync("coord.chen");

        var page = await app.SendAsync(new ListMatters { AssigneeId = worker.Id, PageSize = 200 });

        await using var db = await app.DbAsync();
        var expected = await db.Matters.Where(m => m.Tasks.Any(t => t.AssigneeId == worker.Id)).Select(m => m.Id).OrderBy(id => id).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.Rows.Select(r => r.Id).OrderBy(id => id));
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("reference-prefix")]
    [InlineData("case-number")]
    public async Task Search_finds_a_matter_by_serial_reference_prefix_or_case_number(string how)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AsAsync("judge.wang");
        var matter = await scenario.MatterAsync();
        await using var db = await app.DbAsync();
        var caseNumber = await db.Cases.Where(c => c.Id == matter.CaseId).Select(c => c.CaseNumber).SingleAsync();
        var search = how switch
        {
            "serial" => int.Parse(matter.Reference[^5..], System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "reference-prefix" => matter.Reference[..^1].ToLowerInvariant(),
            _ => caseNumber.Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal),
        };

        var page = await app.SendAsync(new ListMatters { Search = search, PageSize = 200 });

        Assert.Contains(page.Rows, r => r.Id == matter.Id);
        Assert.True(page.Total < 20, $"'{search}' matched {page.Total} matters");
    }
}
