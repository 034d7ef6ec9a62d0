using Bunit;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Infrastructure.Auth;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Tests.Features.Administration.Users;

/// <summary>
/// Lets a bUnit context send real requests: the mediator, validators and identity options come
/// from a <see cref="TestApp"/> over demo data (signed in as the admin), so a component test
/// exercises the same pipeline as the handler tests instead of a hand-written fake.
/// </summary>
internal sealed class AppComponentHost : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;

    private AppComponentHost(TestApp app, UserContext admin)
    {
        App = app;
        Admin = admin;
        scope = app.Services.CreateAsyncScope();
    }

    public TestApp App { get; }

    public UserContext Admin { get; }

    public static async Task<AppComponentHost> StartAsync(BunitContext context)
    {
        var app = await TestApp.CreateAsync(demoData: true);
        var host = new AppComponentHost(app, await app.SignInAsAsync("admin"));
        host.Register(context.Services);
        return host;
    }

    private void Register(IServiceCollection services)
    {
        var provider = scope.ServiceProvider;
        services.AddScoped(_ => provider.GetRequiredService<ISender>());
        services.AddScoped(_ => provider.GetRequiredService<IValidator<CreateUser>>());
        services.AddScoped(_ => provider.GetRequiredService<IValidator<UpdateUser>>());
        services.AddScoped(_ => provider.GetRequiredService<IValidator<ResetUserPassword>>());
        services.AddSingleton(_ => provider.GetRequiredService<IOptions<IdentityOptions>>());
        services.AddScoped<UiSender>();
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await App.DisposeAsync();
    }
}
