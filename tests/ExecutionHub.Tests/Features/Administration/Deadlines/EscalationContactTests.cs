using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Features.Administration.Deadlines;
using ExecutionHub.Web.Features.Deadlines;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Administration.Deadlines;

public sealed class EscalationContactTests
{
    private static async Task<(int CourtId, int StreetId)> PingliangAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        var street = await db.Streets.SingleAsync(s => s.Name == "平凉路街道");
        return (street.CourtId, street.Id);
    }

    [Fact]
    public async Task An_escalation_contact_receives_the_escalation()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var lead = await app.SignInAsAsync("judge.li");
        var leader = await app.SignInAsAsync("street.huang");
        var coordinator = await app.SignInAsAsync("coord.chen");
        var (courtId, streetId) = await PingliangAsync(app);
        await app.SignInAsAsync("admin");
        await app.SendAsync(new AddEscalationContact { CourtId = courtId, UserId = lead.Id });
        await app.SendAsync(new AddEscalationContact { StreetId = streetId, UserId = leader.Id });
        await using (var db = await app.DbAsync())
        {
            // The demo matters' own alerts are not what this test is about.
            await db.Matters.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAlertAtUtc, (DateTime?)null));
            await db.Tasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.NextAlertAtUtc, (DateTime?)null));
        }

        var scenario = await WorkflowScenario.ReferAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(72 + 24));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
        }

        await using var check = await app.DbAsync();
        var escalated = await check.Notifications
            .Where(n => n.MatterId == scenario.MatterId && n.TitleKey == "Notification.MatterEscalated")
            .Select(n => n.RecipientId).ToListAsync();
        Assert.Equal(new[] { lead.Id, leader.Id }.Order(), escalated.Order());
        Assert.DoesNotContain(coordinator.Id, escalated);
    }

    [Fact]
    public async Task Contacts_are_listed_with_their_names_and_can_be_removed()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var leader = await app.SignInAsAsync("street.huang");
        var (_, streetId) = await PingliangAsync(app);
        await app.SignInAsAsync("admin");

        var id = await app.SendAsync(new AddEscalationContact { StreetId = streetId, UserId = leader.Id });

        var row = Assert.Single(await app.SendAsync(new ListEscalationContacts()));
        Assert.Equal((id, "平凉路街道", (string?)null, "黄伟", "street.huang"), (row.Id, row.StreetName, row.CourtName, row.DisplayName, row.UserName));
        var options = await app.SendAsync(new GetEscalationContactOptions());
        Assert.Contains(options.Courts.SelectMany(c => c.Streets), s => s.Id == streetId);
        Assert.Contains(options.Users, u => u.Id == leader.Id && u.StreetId == streetId);

        await app.SendAsync(new RemoveEscalationContact(id));

        Assert.Empty(await app.SendAsync(new ListEscalationContacts()));
        await using var db = await app.DbAsync();
        Assert.Equal(["Deadlines.EscalationContactAdded", "Deadlines.EscalationContactRemoved"], await db.Audit.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_contact_needs_exactly_one_unit_an_enabled_user_and_no_duplicate()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var leader = await app.SignInAsAsync("street.huang");
        var (courtId, streetId) = await PingliangAsync(app);
        await app.SignInAsAsync("admin");
        await app.SendAsync(new AddEscalationContact { StreetId = streetId, UserId = leader.Id });
        await using (var db = await app.DbAsync())
        {
            await db.Users.Where(u => u.UserName == "judge.li").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        var judgeLi = await app.SignInAsAsync("judge.li");
        await app.SignInAsAsync("admin");

        async Task<string> RefusalAsync(AddEscalationContact command) =>
            Assert.Single((await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(command))).Errors).ErrorCode;

        Assert.Equal("Admin.Deadlines.Contact.Duplicate", await RefusalAsync(new AddEscalationContact { StreetId = streetId, UserId = leader.Id }));
        Assert.Equal("Admin.Deadlines.Contact.OneUnit", await RefusalAsync(new AddEscalationContact { CourtId = courtId, StreetId = streetId, UserId = leader.Id }));
        Assert.Equal("Admin.Deadlines.Contact.OneUnit", await RefusalAsync(new AddEscalationContact { UserId = leader.Id }));
        Assert.Equal("Admin.Deadlines.Contact.UserUnavailable", await RefusalAsync(new AddEscalationContact { CourtId = courtId, UserId = judgeLi.Id }));
        Assert.Equal("Admin.Deadlines.Contact.UserUnavailable", await RefusalAsync(new AddEscalationContact { CourtId = courtId, UserId = "no-such-user" }));
        await using var check = await app.DbAsync();
        Assert.Equal(1, await check.EscalationContacts.CountAsync());
    }
}
