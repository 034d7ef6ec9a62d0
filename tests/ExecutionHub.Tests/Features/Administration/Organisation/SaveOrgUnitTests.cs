using System.Globalization;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Organisation;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

public sealed class SaveOrgUnitTests
{
    [Fact]
    public async Task Administrator_adds_a_court_and_the_change_is_audited()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var id = await app.SendAsync(new SaveCourt { Name = "上海市虹口区人民法院", CaseCode = " 沪0109 " });

        await using var db = await app.DbAsync();
        var court = await db.Courts.SingleAsync(c => c.Id == id);
        Assert.Equal("沪0109", court.CaseCode);
        var audit = Assert.Single(await app.AuditAsync("Org.CourtCreated"));
        Assert.Equal("系统管理员", audit.UserName);
        Assert.Equal(TestApp.Start.UtcDateTime, audit.AtUtc);
    }

    [Theory]
    [InlineData("沪110")]
    [InlineData("HU0110")]
    [InlineData("沪01100")]
    [InlineData("沪０１１０")]
    [InlineData("")]
    public async Task Court_case_code_must_look_like_沪0110(string code)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveCourt { Name = "上海市虹口区人民法院", CaseCode = code }));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(SaveCourt.CaseCode));
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Courts.CountAsync());
    }

    [Fact]
    public async Task Court_name_and_case_code_must_be_unique()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveCourt { Name = "上海市杨浦区人民法院", CaseCode = "沪0110" }));

        Assert.Contains(refused.Errors, e => e.ErrorCode == "Admin.Org.DuplicateCourtName");
        Assert.Contains(refused.Errors, e => e.ErrorCode == "Admin.Org.DuplicateCaseCode");
    }

    [Fact]
    public async Task Court_with_cases_keeps_its_case_code_but_may_be_renamed()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var courtId = await app.CourtIdAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveCourt { Id = courtId, Name = "上海市杨浦区人民法院", CaseCode = "沪0111" }));
        await app.SendAsync(new SaveCourt { Id = courtId, Name = "杨浦法院", CaseCode = "沪0110" });

        Assert.Contains(refused.Errors, e => e.ErrorCode == "Admin.Org.CaseCodeInUse");
        await using var db = await app.DbAsync();
        var court = await db.Courts.SingleAsync(c => c.Id == courtId);
        Assert.Equal(("杨浦法院", "沪0110"), (court.Name, court.CaseCode));
        Assert.Single(await app.AuditAsync("Org.CourtUpdated"));
    }

    [Fact]
    public async Task Administrator_adds_a_street_with_its_four_working_groups()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var id = await app.SendAsync(new SaveStreet { CourtId = await app.CourtIdAsync(), Name = "  江浦路街道 " });

        await using var db = await app.DbAsync();
        Assert.Equal("江浦路街道", (await db.Streets.SingleAsync(s => s.Id == id)).Name);
        var groups = await db.WorkingGroups.Where(g => g.StreetId == id).OrderBy(g => g.Kind).Select(g => g.Name).ToListAsync();
        Assert.Equal(["执行调查组", "多元解纷组", "执行宣传组", "听证救助组"], groups);
        Assert.Single(await app.AuditAsync("Org.StreetCreated"));
    }

    [Fact]
    public async Task Duplicate_street_name_in_a_court_is_refused_with_a_field_message()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SaveStreet { CourtId = 1, Name = OrgTestData.Pingliang }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(SaveStreet.Name), "Admin.Org.DuplicateStreetName"), (error.PropertyName, error.ErrorCode));
    }

    [Theory]
    [InlineData("grid.liu")]
    [InlineData("coord.chen")]
    [InlineData("judge.wang")]
    public async Task Grid_worker_cannot_send_SaveStreet(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync(userName);

        await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await app.SendAsync(new SaveStreet { CourtId = await app.CourtIdAsync(), Name = "江浦路街道" }));

        await using var db = await app.DbAsync();
        Assert.False(await db.Streets.AnyAsync(s => s.Name == "江浦路街道"));
        Assert.Empty(await app.AuditAsync("Org.StreetCreated"));
    }

    [Fact]
    public async Task Coordinator_adds_a_community_to_their_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        var id = await app.SendAsync(new SaveCommunity { StreetId = await app.StreetIdAsync(OrgTestData.Pingliang), Name = "新华居委" });

        await using var db = await app.DbAsync();
        Assert.Equal("新华居委", (await db.Communities.SingleAsync(c => c.Id == id)).Name);
        var audit = Assert.Single(await app.AuditAsync("Org.CommunityCreated"));
        Assert.Equal("陈静", audit.UserName);
    }

    [Fact]
    public async Task Coordinator_adds_a_grid_to_a_community_of_their_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        var id = await app.SendAsync(new SaveGrid { CommunityId = await app.CommunityIdAsync("平凉一居委"), Name = "平凉一居委第3网格" });

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
            app.SendAsync(new SaveGrid { CommunityId = pingliangCommunity, Name = "越权网格" }));
        await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await app.SendAsync(new SaveCommunity { StreetId = await app.StreetIdAsync(OrgTestData.Pingliang), Name = "越权社区" }));

        // Naming their own community while pointing at a grid of the other street changes nothing either.
        await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await app.SendAsync(new SaveGrid { Id = pingliangGrid, CommunityId = await app.CommunityIdAsync("定海一居委"), Name = "改名" }));

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
            app.SendAsync(new SaveCommunity { StreetId = streetId, Name = "河间路居委 " }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(SaveCommunity.Name), "Admin.Org.DuplicateCommunityName"), (error.PropertyName, error.ErrorCode));
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
            var duplicate = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveCommunity { StreetId = streetId, Name = "河间路居委" }));
            var blank = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveCommunity { StreetId = streetId, Name = "" }));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var english = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveCommunity { StreetId = streetId, Name = "河间路居委" }));

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

        var id = await app.SendAsync(new SaveCommunity { StreetId = await app.StreetIdAsync(OrgTestData.Dinghai), Name = "河间路居委" });

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
            app.SendAsync(new SaveGrid { Id = gridId, CommunityId = communityId, Name = "平凉一居委第2网格" }));
        await app.SendAsync(new SaveGrid { Id = gridId, CommunityId = communityId, Name = "平凉一居委第1网格" });
        await app.SendAsync(new SaveGrid { Id = gridId, CommunityId = communityId, Name = "平凉一居委东片网格" });

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
            await app.SendAsync(new SaveCommunity { StreetId = await app.StreetIdAsync(OrgTestData.Dinghai), Name = name }));

        Assert.Equal(nameof(SaveCommunity.Name), Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task Names_longer_than_100_characters_are_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await Assert.ThrowsAsync<ValidationException>(async () =>
            await app.SendAsync(new SaveGrid { CommunityId = await app.CommunityIdAsync("定海一居委"), Name = new string('网', 101) }));
    }

    [Fact]
    public async Task Administrator_adds_and_corrects_a_partner_agency()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var courtId = await app.CourtIdAsync();

        var id = await app.SendAsync(new SavePartnerAgency { CourtId = courtId, Name = "杨浦区住房保障和房屋管理局", Kind = PartnerAgencyKind.JusticeBureau });
        await app.SendAsync(new SavePartnerAgency { Id = id, CourtId = courtId, Name = "杨浦区房管局", Kind = PartnerAgencyKind.Other });
        var duplicate = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsync(new SavePartnerAgency { CourtId = courtId, Name = "杨浦区房管局", Kind = PartnerAgencyKind.Other }));

        Assert.Equal("Admin.Org.DuplicateAgencyName", Assert.Single(duplicate.Errors).ErrorCode);
        await using var db = await app.DbAsync();
        var agency = await db.PartnerAgencies.SingleAsync(a => a.Id == id);
        Assert.Equal(("杨浦区房管局", PartnerAgencyKind.Other), (agency.Name, agency.Kind));
        Assert.Single(await app.AuditAsync("Org.AgencyCreated"));
        Assert.Single(await app.AuditAsync("Org.AgencyUpdated"));
    }

    [Fact]
    public async Task Coordinator_cannot_manage_partner_agencies()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await app.SendAsync(new SavePartnerAgency { CourtId = await app.CourtIdAsync(), Name = "某单位", Kind = PartnerAgencyKind.Other }));
    }

    [Fact]
    public async Task Renaming_a_unit_that_does_not_exist_reports_not_found()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await app.SendAsync(new SaveCommunity { Id = 9999, StreetId = await app.StreetIdAsync(OrgTestData.Dinghai), Name = "不存在" }));
    }
}
