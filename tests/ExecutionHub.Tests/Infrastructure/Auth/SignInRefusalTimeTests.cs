using System.Net;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Infrastructure.Auth;

/// <summary>
/// An outsider timing the sign-in form learns nothing: every refusal is answered at the same moment, one second after
/// the post, whatever work its reason took. Told by the fake clock, which moves only when the test moves it, so the
/// answer's moment is exact rather than measured on a shared machine.
/// </summary>
public sealed class SignInRefusalTimeTests : IAsyncLifetime
{
    private const string WrongPassword = "wrong-password-123";
    private TestApp app = default!;

    public async Task InitializeAsync() =>
        app = await PasswordSignInTests.RefusalsAppAsync(("Security:SignInFailures:RefusalMilliseconds", "1000"));

    public async Task DisposeAsync() => await app.DisposeAsync();

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "unknown user", "nobody.here", WrongPassword },
        { "wrong password", "judge.wang", WrongPassword },
        { "disabled account, right password", "grid.sun", TestApp.DemoPassword },
        { "locked account, right password", "coord.chen", TestApp.DemoPassword },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_refusal_is_answered_one_second_after_the_post_and_not_a_tick_sooner(string refusal, string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<PasswordSignIn>();

        var answer = signIn.SignInAsync(userName, password, IPAddress.Parse("198.51.100.80"));
        Assert.False(answer.IsCompleted, refusal);
        app.Clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(answer.IsCompleted, refusal);
        app.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Null(await answer.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_right_password_of_an_enabled_account_signs_in_without_waiting()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };

        var user = await scope.ServiceProvider.GetRequiredService<PasswordSignIn>()
            .SignInAsync("judge.wang", TestApp.DemoPassword, IPAddress.Parse("198.51.100.81"))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("judge.wang", user?.UserName);
    }
}
