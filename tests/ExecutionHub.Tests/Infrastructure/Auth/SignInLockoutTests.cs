using System.Net;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Infrastructure.Auth;

/// <summary>
/// With the shipped numbers: an address is held back for an account after 5 failures in 15 minutes; the account locks
/// after 20 failures in 15 minutes from all addresses together — so one address alone never locks it.
/// </summary>
public sealed class SignInLockoutTests
{
    private const string WrongPassword = "wrong-password-123";

    [Fact]
    public async Task One_address_alone_never_locks_an_account_and_four_together_lock_it_for_fifteen_minutes()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);

        for (var attempt = 0; attempt < 30; attempt++)
        {
            Assert.Null(await SignInAsync(app, "judge.wang", WrongPassword, "198.51.100.60"));
        }

        Assert.Null(await LockoutEndAsync(app, "judge.wang"));

        foreach (var address in new[] { "198.51.100.61", "198.51.100.62", "198.51.100.63" })
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                Assert.Null(await SignInAsync(app, "judge.wang", WrongPassword, address));
            }
        }

        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15), await LockoutEndAsync(app, "judge.wang"));
        Assert.Null(await SignInAsync(app, "judge.wang", TestApp.DemoPassword, "198.51.100.64"));
    }

    [Fact]
    public async Task Failures_of_an_earlier_window_do_not_add_up_to_a_lock()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);

        for (var window = 0; window < 4; window++)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await SignInAsync(app, "judge.wang", WrongPassword, "198.51.100.70");
            }

            app.Clock.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Null(await LockoutEndAsync(app, "judge.wang"));
    }

    private static async Task<string?> SignInAsync(TestApp app, string userName, string password, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().SignInAsync(userName, password, IPAddress.Parse(address));
        return user?.UserName;
    }

    private static async Task<DateTimeOffset?> LockoutEndAsync(TestApp app, string userName)
    {
        await using var db = await app.DbAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.LockoutEnd).SingleAsync();
    }
}
