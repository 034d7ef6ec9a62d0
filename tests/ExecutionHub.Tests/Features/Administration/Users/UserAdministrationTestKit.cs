using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Tests.Features.Administration.Users;

/// <summary>Steps the user-administration tests share: demo org units, a valid new user, a sign-in attempt.</summary>
internal static class UserAdministrationTestKit
{
    public const string NewPassword = "Fresh#Start2026";

    public static async Task<int> GridIdAsync(this TestApp app, string name = "平凉一居委第1网格")
    {
        await using var db = await app.DbAsync();
        return await db.Grids.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    public static async Task<int> StreetIdAsync(this TestApp app, string name = "平凉路街道")
    {
        await using var db = await app.DbAsync();
        return await db.Streets.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    public static async Task<int> CourtIdAsync(this TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Courts.Select(c => c.Id).FirstAsync();
    }

    public static async Task<AppUser> UserAsync(this TestApp app, string userName)
    {
        await using var db = await app.DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
    }

    public static async Task<IReadOnlyList<string>> RolesOfAsync(this TestApp app, string userName)
    {
        await using var db = await app.DbAsync();
        return await db.UserRoles.Where(ur => ur.UserId == db.Users.Single(u => u.UserName == userName).Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync();
    }

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(this TestApp app, string action)
    {
        await using var db = await app.DbAsync();
        return await db.Audit.Where(a => a.Action == action).ToListAsync();
    }

    public static CreateUser NewGridWorker(int gridId, string userName = "grid.new") => new()
    {
        UserName = userName,
        DisplayName = "周新",
        Role = Roles.GridWorker,
        GridId = gridId,
        Password = NewPassword,
    };

    /// <summary>
    /// Asks the app's sign-in manager (the one that refuses disabled accounts) whether the password
    /// would sign the user in. The handler-test host has no authentication schemes, so one is supplied.
    /// </summary>
    public static async Task<SignInResult> TrySignInAsync(this TestApp app, string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = ActivatorUtilities.CreateInstance<AppSignInManager>(
            scope.ServiceProvider,
            new AuthenticationSchemeProvider(Options.Create(new AuthenticationOptions())));
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}");
        return await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
    }
}
