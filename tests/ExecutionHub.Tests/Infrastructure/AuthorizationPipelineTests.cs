using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Account;
using ExecutionHub.Web.Features.Home;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Infrastructure;

public sealed class AuthorizationPipelineTests
{
    [Theory]
    [InlineData("grid.liu")]
    [InlineData("street.huang")]
    [InlineData("police.xu")]
    [InlineData("coord.chen")]
    public async Task A_judges_request_crafted_by_another_role_is_refused_by_the_pipeline(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync(userName);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetJudgeOverview()));

        Assert.Equal("Error.NotAllowed", refused.MessageKey);
    }

    [Fact]
    public async Task The_judge_the_request_is_declared_for_gets_an_answer()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("judge.wang");

        var overview = await app.SendAsync(new GetJudgeOverview());

        Assert.Equal("上海市杨浦区人民法院", overview.CourtName);
    }

    [Fact]
    public async Task An_anonymous_sender_is_refused_even_a_request_open_to_every_signed_in_user()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ChangeMyCulture("en")));
    }

    [Fact]
    public async Task A_request_declared_open_to_anyone_reaches_its_handler_without_a_sign_in()
    {
        var handlerRan = false;
        var behavior = new AuthorizationBehavior<AnonymousProbe, Unit>(new TestCurrentUser(), new EmptyServices());

        await behavior.Handle(new AnonymousProbe(), (_, _) =>
        {
            handlerRan = true;
            return ValueTask.FromResult(Unit.Value);
        }, CancellationToken.None);

        Assert.True(handlerRan);
    }

    [Fact]
    public async Task An_undeclared_request_is_refused_before_its_handler_runs()
    {
        var handlerRan = false;
        var user = new TestCurrentUser { Current = new UserContext("u1", "管理员", new HashSet<string> { Roles.Administrator }) };
        var behavior = new AuthorizationBehavior<UndeclaredProbe, Unit>(user, new EmptyServices());

        await Assert.ThrowsAsync<RequestRefusedException>(() => behavior.Handle(new UndeclaredProbe(), (_, _) =>
        {
            handlerRan = true;
            return ValueTask.FromResult(Unit.Value);
        }, CancellationToken.None).AsTask());

        Assert.False(handlerRan);
    }

    [Theory]
    [InlineData(Roles.Coordinator, 7, null, true)]
    [InlineData(Roles.Coordinator, 8, null, false)]
    [InlineData(Roles.Judge, null, 1, true)]
    [InlineData(Roles.Judge, null, 2, false)]
    public async Task A_scoped_request_passes_only_when_the_senders_scope_covers_its_target(string role, int? targetStreet, int? targetCourt, bool allowed)
    {
        var user = new TestCurrentUser { Current = new UserContext("u1", "某人", new HashSet<string> { role }, CourtId: 1, StreetId: 7) };
        var behavior = new AuthorizationBehavior<ScopedProbe, Unit>(user, new EmptyServices());
        var probe = new ScopedProbe(new OrgScope(CourtId: targetCourt, StreetId: targetStreet));

        var send = () => behavior.Handle(probe, (_, _) => ValueTask.FromResult(Unit.Value), CancellationToken.None).AsTask();

        if (allowed)
        {
            await send();
        }
        else
        {
            await Assert.ThrowsAsync<RequestRefusedException>(send);
        }
    }

    [Fact]
    public async Task A_refused_request_changes_nothing()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("judge.wang");

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(new ChangeMyCulture("fr")));

        await using var db = await app.DbAsync();
        Assert.Equal("zh-CN", await db.Users.Where(u => u.UserName == "judge.wang").Select(u => u.Culture).SingleAsync());
    }

    [Fact]
    public async Task A_valid_language_choice_is_saved_for_the_user()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("judge.wang");

        await app.SendAsync(new ChangeMyCulture("en"));

        await using var db = await app.DbAsync();
        Assert.Equal("en", await db.Users.Where(u => u.UserName == "judge.wang").Select(u => u.Culture).SingleAsync());
    }

    private sealed record UndeclaredProbe : ICommand;

    [AllowAnonymousRequest]
    private sealed record AnonymousProbe : ICommand;

    [Allowed(Roles.Coordinator, Roles.Judge)]
    private sealed record ScopedProbe(OrgScope Target) : ICommand, IScopedRequest
    {
        public ValueTask<OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) => ValueTask.FromResult(Target);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
