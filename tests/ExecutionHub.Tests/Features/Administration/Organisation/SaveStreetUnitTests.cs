using System.Globalization;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Organisation;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

/// <summary>Communities and grids, which a street's coordinator maintains for their own street (<see cref="SaveStreetUnit"/>).</summary>
public sealed class SaveStreetUnitTests
{
    [Fact]
    public async Task Coordinator_adds_a_community_to_their_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        var id = await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = await app.StreetIdAsync(OrgTestData.Pingliang), Name = "新华居委" });

        await using var db = await app.DbAsync();
        Assert.Equal("新华居委", (await db.Communities.SingleAsync(c => c.Id == id)).Name);
        var audit = Assert.Single(await app.AuditAsync("Org.CommunityCreated"));
        Assert.Equal("陈静", audit.UserName);
    }

    [Theory]
    [InlineData(StreetUnitKind.Community, "<img src=x onerror=alert(1)>")]
    [InlineData(StreetUnitKind.Community, "平凉\"居委")]
    [InlineData(StreetUnitKind.Grid, "第3网格 & 第4网格")]
    public async Task Should_refuse_a_community_or_grid_name_with_markup_characters_naming_the_field_and_saving_nothing(StreetUnitKind kind, string name)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var parent = kind == StreetUnitKind.Community ? await app.StreetIdAsync(OrgTestData.Pingliang) : await app.CommunityIdAsync("平凉一居委");
        await using var before = await app.DbAsync();
        var units = await before.Communities.CountAsync() + await before.Grids.CountAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveStreetUnit { Kind = kind, ParentId = parent, Name = name }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("Admin.Org.NameMarkup", error.ErrorCode);
        Assert.StartsWith("名称", error.ErrorMessage, StringComparison.Ordinal);
        await using var db = await app.DbAsync();
        Assert.Equal(units, await db.Communities.CountAsync() + await db.Grids.CountAsync());
    }

    [Fact]
    public async Task Coordinator_adds_a_grid_to_a_community_of_their_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        var id = await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, ParentId = await app.CommunityIdAsync("平凉一居委"), Name = "平凉一居委第3网格" });

        await using var db = await app.DbAsync();
        Assert.Equal("平凉一居委第3网格", (await db.Grids.SingleAsync(g => g.Id == id)).Name);
        Assert.Single(await app.AuditAsync("Org.GridCreated"));
    }

    [Fact]
    public async Task Coordinator_of_another_street_is_refused_by_the_pipeline()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.zhao");
        var pingliangCommunity = await app.CommunityIdAsync("平凉一居委");
        var pingliangGrid = await app.GridIdAsync("平凉一居委第1网格");

        await Assert.ThrowsAsync<RequestRefusedException>(() =>
            app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, ParentId = pingliangCommunity, Name = "越权网格" }));
        await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = await app.StreetIdAsync(OrgTestData.Pingliang), Name = "越权社区" }));

        // Naming their own community while pointing at a grid of the other street changes nothing either.
        await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, Id = pingliangGrid, ParentId = await app.CommunityIdAsync("定海一居委"), Name = "改名" }));

        await using var db = await app.DbAsync();
        Assert.False(await db.Grids.AnyAsync(g => g.Name == "越权网格" || g.Name == "改名"));
        Assert.False(await db.Communities.AnyAsync(c => c.Name == "越权社区"));
        Assert.Empty(await db.Audit.ToListAsync());
    }

    [Fact]
    public async Task Duplicate_community_name_in_a_street_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var streetId = await app.StreetIdAsync(OrgTestData.Pingliang);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = streetId, Name = "河间路居委 " }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(SaveStreetUnit.Name), "Admin.Org.DuplicateCommunityName"), (error.PropertyName, error.ErrorCode));
        await using var db = await app.DbAsync();
        Assert.Equal(6, await db.Communities.CountAsync(c => c.StreetId == streetId));
    }

    [Fact]
    public async Task Validation_messages_speak_the_users_language()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var streetId = await app.StreetIdAsync(OrgTestData.Pingliang);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            var duplicate = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = streetId, Name = "河间路居委" }));
            var blank = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = streetId, Name = "" }));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var english = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = streetId, Name = "河间路居委" }));

            Assert.Equal("该街道下已有同名社区。", Assert.Single(duplicate.Errors).ErrorMessage);
            Assert.Contains("名称", Assert.Single(blank.Errors).ErrorMessage);
            Assert.Equal("This street already has a community with this name.", Assert.Single(english.Errors).ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task The_same_community_name_is_fine_in_another_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.zhao");

        var id = await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = await app.StreetIdAsync(OrgTestData.Dinghai), Name = "河间路居委" });

        Assert.True(id > 0);
    }

    [Fact]
    public async Task Renaming_a_grid_to_its_sibling_name_is_refused_but_keeping_its_own_name_is_not()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var communityId = await app.CommunityIdAsync("平凉一居委");
        var gridId = await app.GridIdAsync("平凉一居委第1网格");

        await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, Id = gridId, ParentId = communityId, Name = "平凉一居委第2网格" }));
        await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, Id = gridId, ParentId = communityId, Name = "平凉一居委第1网格" });
        await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, Id = gridId, ParentId = communityId, Name = "平凉一居委东片网格" });

        await using var db = await app.DbAsync();
        Assert.Equal("平凉一居委东片网格", (await db.Grids.SingleAsync(g => g.Id == gridId)).Name);
        var audit = Assert.Single(await app.AuditAsync("Org.GridRenamed"));
        Assert.Equal("平凉一居委第1网格 → 平凉一居委东片网格", audit.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Blank_names_are_refused(string name)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(async () =>
            await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = await app.StreetIdAsync(OrgTestData.Dinghai), Name = name }));

        Assert.Equal(nameof(SaveStreetUnit.Name), Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task Names_longer_than_100_characters_are_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await Assert.ThrowsAsync<ValidationException>(async () =>
            await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, ParentId = await app.CommunityIdAsync("定海一居委"), Name = new string('网', 101) }));
    }

    [Fact]
    public async Task Renaming_a_unit_that_does_not_exist_reports_not_found()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, Id = 9999, ParentId = await app.StreetIdAsync(OrgTestData.Dinghai), Name = "不存在" }));
    }

    [Fact]
    public async Task A_unit_of_no_known_kind_is_refused_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var streetId = await app.StreetIdAsync(OrgTestData.Pingliang);

        // A coordinator's scope cannot be told for a kind with no street; an administrator's request fails validation.
        await app.SignInAsAsync("coord.chen");
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new SaveStreetUnit { Kind = 0, ParentId = streetId, Name = "无类型" }));
        await app.SignInAsAsync("admin");
        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveStreetUnit { Kind = 0, ParentId = streetId, Name = "无类型" }));

        Assert.Equal(nameof(SaveStreetUnit.Kind), Assert.Single(refused.Errors).PropertyName);
        await using var db = await app.DbAsync();
        Assert.False(await db.Communities.AnyAsync(c => c.Name == "无类型"));
        Assert.False(await db.Grids.AnyAsync(g => g.Name == "无类型"));
    }
}
