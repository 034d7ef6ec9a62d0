using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Organisation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

/// <summary>
/// The codes other systems name streets and communities by (issue 18.1): set where the unit is edited, checked for their
/// form and for clashes before anything is saved. The demo's 平凉路街道 is 310110002, its committees 310110002001….
/// </summary>
public sealed class OrgCodeTests
{
    [Fact]
    public async Task Administrator_sets_a_made_up_street_code_and_the_change_is_audited_old_and_new()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var street = await app.StreetIdAsync(OrgTestData.Pingliang);

        await app.SendAsync(new SaveStreet { Id = street, CourtId = await app.CourtIdAsync(), Name = OrgTestData.Pingliang, Code = " YP-PL " });

        await using var db = await app.DbAsync();
        Assert.Equal("YP-PL", (await db.Streets.SingleAsync(s => s.Id == street)).Code);
        Assert.Equal("310110002 → YP-PL", Assert.Single(await app.AuditAsync("Org.StreetCodeSet")).Detail);
    }

    [Theory]
    [InlineData("3101100")]
    [InlineData("310110002001")]
    [InlineData("平凉路")]
    [InlineData("YP PL")]
    [InlineData("ABCDEFGHIJ-KLMNOPQRST")]
    public async Task Should_refuse_a_street_code_that_is_neither_a_9_digit_division_code_nor_letters_digits_and_hyphens_up_to_20(string code)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var street = await app.StreetIdAsync(OrgTestData.Pingliang);
        var court = await app.CourtIdAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveStreet { Id = street, CourtId = court, Name = OrgTestData.Pingliang, Code = code }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("Admin.Org.StreetCodeFormat", error.ErrorCode);
        Assert.StartsWith("代码", error.ErrorMessage, StringComparison.Ordinal);
        await using var db = await app.DbAsync();
        Assert.Equal("310110002", (await db.Streets.SingleAsync(s => s.Id == street)).Code);
    }

    [Fact]
    public async Task Should_refuse_a_street_code_another_street_of_the_court_has_and_clear_a_code_left_blank()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var court = await app.CourtIdAsync();
        var dinghai = await app.StreetIdAsync(OrgTestData.Dinghai);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveStreet { Id = dinghai, CourtId = court, Name = OrgTestData.Dinghai, Code = "310110002" }));
        Assert.Equal("Admin.Org.DuplicateStreetCode", Assert.Single(refused.Errors).ErrorCode);

        await app.SendAsync(new SaveStreet { Id = dinghai, CourtId = court, Name = OrgTestData.Dinghai, Code = " " });
        await using var db = await app.DbAsync();
        Assert.Null((await db.Streets.SingleAsync(s => s.Id == dinghai)).Code);
    }

    [Fact]
    public async Task A_new_community_takes_a_12_digit_code_under_its_streets_and_refuses_one_under_another_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var street = await app.StreetIdAsync(OrgTestData.Pingliang);

        var outside = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = street, Name = "新华居委", Code = "310110001009" }));
        Assert.Equal("Admin.Org.CommunityCodeOutsideStreet", Assert.Single(outside.Errors).ErrorCode);
        var taken = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = street, Name = "新华居委", Code = "310110002001" }));
        Assert.Equal("Admin.Org.DuplicateCommunityCode", Assert.Single(taken.Errors).ErrorCode);

        var id = await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = street, Name = "新华居委", Code = "310110002009" });

        await using var db = await app.DbAsync();
        Assert.Equal("310110002009", (await db.Communities.SingleAsync(c => c.Id == id)).Code);
    }

    [Fact]
    public async Task A_grid_has_no_code()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var community = await app.CommunityIdAsync("平凉一居委");

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, ParentId = community, Name = "第3网格", Code = "G-3" }));

        Assert.Equal(nameof(SaveStreetUnit.Code), Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task Renaming_a_community_keeps_its_code_when_the_dialog_sends_it_back_and_audits_a_changed_one()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var street = await app.StreetIdAsync(OrgTestData.Pingliang);
        var community = await app.CommunityIdAsync("平凉一居委");

        await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, Id = community, ParentId = street, Name = "平凉第一居委", Code = "310110002001" });
        Assert.Empty(await app.AuditAsync("Org.CommunityCodeSet"));
        await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, Id = community, ParentId = street, Name = "平凉第一居委", Code = "310110002010" });

        await using var db = await app.DbAsync();
        Assert.Equal("310110002010", (await db.Communities.SingleAsync(c => c.Id == community)).Code);
        Assert.Equal("310110002001 → 310110002010", Assert.Single(await app.AuditAsync("Org.CommunityCodeSet")).Detail);
    }
}
