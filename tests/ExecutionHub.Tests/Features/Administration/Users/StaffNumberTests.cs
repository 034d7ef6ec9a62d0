using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using FluentValidation;

namespace ExecutionHub.Tests.Features.Administration.Users;

/// <summary>A judge's staff number (工号), by which the court's case system names them (issue 18.1).</summary>
public sealed class StaffNumberTests
{
    [Fact]
    public async Task Administrator_sets_a_judges_staff_number_and_it_goes_when_the_role_is_no_longer_the_courts()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var judge = await app.UserAsync("judge.li");

        await app.SendAsync(new UpdateUser { Id = judge.Id, DisplayName = judge.DisplayName, Role = Roles.Judge, CourtId = judge.CourtId, StaffNumber = " 011099 " });
        Assert.Equal("011099", (await app.UserAsync("judge.li")).StaffNumber);

        await app.SendAsync(new UpdateUser { Id = judge.Id, DisplayName = judge.DisplayName, Role = Roles.Coordinator, StreetId = await app.StreetIdAsync(), StaffNumber = "011099" });
        Assert.Null((await app.UserAsync("judge.li")).StaffNumber);
    }

    [Fact]
    public async Task Should_refuse_a_staff_number_another_person_of_the_court_has_and_one_of_other_characters()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var judge = await app.UserAsync("judge.li");

        var taken = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(
            new UpdateUser { Id = judge.Id, DisplayName = judge.DisplayName, Role = Roles.Judge, CourtId = judge.CourtId, StaffNumber = "011021" }));
        var badForm = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(
            new CreateUser { UserName = "judge.zhou", DisplayName = "周法官", Role = Roles.Judge, CourtId = judge.CourtId, StaffNumber = "工号 7", Password = "Zhou#Pass2026!" }));

        var error = Assert.Single(taken.Errors);
        Assert.Equal(nameof(UpdateUser.StaffNumber), error.PropertyName);
        Assert.StartsWith("工号", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(nameof(CreateUser.StaffNumber), Assert.Single(badForm.Errors).PropertyName);
        Assert.Equal("011037", (await app.UserAsync("judge.li")).StaffNumber);

        // Keeping one's own number is no clash.
        await app.SendAsync(new UpdateUser { Id = judge.Id, DisplayName = "李晓梅", Role = Roles.Judge, CourtId = judge.CourtId, StaffNumber = "011037" });
    }
}
