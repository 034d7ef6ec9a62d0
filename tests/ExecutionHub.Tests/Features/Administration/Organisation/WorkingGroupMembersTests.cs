using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Organisation;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

public sealed class WorkingGroupMembersTests
{
    private static async Task<int> GroupIdAsync(TestApp app, string street, WorkingGroupKind kind)
    {
        await using var db = await app.DbAsync();
        return await db.WorkingGroups.Where(g => g.Street!.Name == street && g.Kind == kind).Select(g => g.Id).SingleAsync();
    }

    private static async Task<List<string>> MembersAsync(TestApp app, int groupId)
    {
        await using var db = await app.DbAsync();
        return await db.WorkingGroupMembers.Where(m => m.WorkingGroupId == groupId).Select(m => m.UserId).OrderBy(id => id).ToListAsync();
    }

    [Fact]
    public async Task Coordinator_replaces_the_members_of_a_working_group_of_their_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var groupId = await GroupIdAsync(app, OrgTestData.Pingliang, WorkingGroupKind.HearingAndRelief);
        string[] wanted = [await app.UserIdAsync("street.huang"), await app.UserIdAsync("grid.sun")];

        await app.SendAsync(new SetWorkingGroupMembers(groupId, wanted));

        Assert.Equal(wanted.Order(), await MembersAsync(app, groupId));
        var audit = Assert.Single(await app.AuditAsync("Org.WorkingGroupMembersSet"));
        Assert.Equal("+[孙丽] -[刘建国、陈静]", audit.Detail);
    }

    [Fact]
    public async Task Working_group_members_must_belong_to_the_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var groupId = await GroupIdAsync(app, OrgTestData.Pingliang, WorkingGroupKind.ExecutionPublicity);
        var before = await MembersAsync(app, groupId);

        // coord.zhao works for the other street, judge.wang for the court, grid.sun's grid lies in 平凉路 — only she qualifies.
        var refused = await Assert.ThrowsAsync<ValidationException>(async () => await app.SendAsync(new SetWorkingGroupMembers(
            groupId,
            [await app.UserIdAsync("grid.sun"), await app.UserIdAsync("coord.zhao"), await app.UserIdAsync("judge.wang")])));

        Assert.Equal("Admin.Org.MembersNotOfStreet", Assert.Single(refused.Errors).ErrorCode);
        Assert.Equal(before, await MembersAsync(app, groupId));
        Assert.Empty(await app.AuditAsync("Org.WorkingGroupMembersSet"));
    }

    [Fact]
    public async Task Coordinator_cannot_set_members_of_another_streets_working_group()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.zhao");
        var groupId = await GroupIdAsync(app, OrgTestData.Pingliang, WorkingGroupKind.ExecutionInvestigation);
        var before = await MembersAsync(app, groupId);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new SetWorkingGroupMembers(groupId, [])));

        Assert.Equal(before, await MembersAsync(app, groupId));
    }

    [Fact]
    public async Task An_empty_member_list_empties_the_group()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var groupId = await GroupIdAsync(app, OrgTestData.Dinghai, WorkingGroupKind.DisputeResolution);

        await app.SendAsync(new SetWorkingGroupMembers(groupId, []));

        Assert.Empty(await MembersAsync(app, groupId));
    }
}
