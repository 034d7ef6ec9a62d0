using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Organisation;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

/// <summary>The units an administrator alone maintains: courts, streets, partner agencies.</summary>
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
}
