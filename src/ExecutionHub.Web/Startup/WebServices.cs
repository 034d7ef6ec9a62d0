using System.Globalization;
using ExecutionHub.Web.Components;
using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Features.Matters.Evidence;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Hosting;
using ExecutionHub.Web.Infrastructure.Jobs;
using ExecutionHub.Web.Infrastructure.Localization;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace ExecutionHub.Web.Startup;

/// <summary>The web host: Blazor, MudBlazor, cookies, localization, Hangfire, and the pipeline that serves them.</summary>
public static class WebServices
{
    public const string AdministratorPolicy = "Administrator";

    public static IServiceCollection AddExecutionHubWeb(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(options => ConfigureCircuits(options, configuration.GetSection("Circuits")));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdministratorPolicy, policy => policy.RequireRole(Roles.Administrator));

        services.AddMudServices(config => config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter);
        services.AddTransient<MudLocalizer, ResxMudLocalizer>();
        services.AddScoped<Components.Shared.UiSender>();
        services.AddScoped<Infrastructure.Export.BrowserDownload>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Cultures.Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Cultures.Chinese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // People choose their language (a cookie); another system says it in each call: the API follows
            // Accept-Language alone (Chinese without one), never a cookie a browser happens to carry.
            var cookie = new CookieRequestCultureProvider { CookieName = Cultures.CookieName, Options = options };
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider { Options = options };
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(http => http.Request.Path.StartsWithSegments(ApiServices.BasePath)
                    ? acceptLanguage.DetermineProviderCultureResult(http)
                    : cookie.DetermineProviderCultureResult(http)),
            ];
        });

        services.AddSingleton<FirstAnswer>();
        services.AddSingleton<DemoFollowUp>();
        services.AddHostedService(provider => provider.GetRequiredService<DemoFollowUp>());
        services.AddExecutionHubJobs(configuration, contentRoot);
        services.AddExecutionHubApi(configuration);
        services.AddExecutionHubSecurity(configuration);
        services.AddExecutionHubAddressLimits(configuration);
        return services;
    }

    /// <summary>
    /// Circuit settings chosen for this app rather than left to the framework (docs/configuration.md): a grid worker's
    /// phone drops its connection whenever the camera opens, so a dropped circuit is kept 5 minutes (the framework keeps
    /// 3) for the page to come back with its form as left; at most 100 are kept, so a crowd of closed tabs cannot hold
    /// the server's memory; detailed errors never reach a browser.
    /// </summary>
    public static void ConfigureCircuits(Microsoft.AspNetCore.Components.Server.CircuitOptions options, IConfiguration circuits)
    {
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(circuits.GetValue("DisconnectedRetentionSeconds", 300));
        options.DisconnectedCircuitMaxRetained = circuits.GetValue("DisconnectedMaxRetained", 100);
        options.MaxBufferedUnacknowledgedRenderBatches = circuits.GetValue("MaxBufferedRenderBatches", 10);
        options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(circuits.GetValue("JsInteropTimeoutSeconds", 60));
        options.DetailedErrors = false;
    }

    public static WebApplication UseExecutionHubWeb(this WebApplication app)
    {
        app.UseFirstAnswer();
        // First: error pages and redirects carry the headers too, and see the proxy's scheme.
        app.UseExecutionHubSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseRequestLocalization();
        // Before the call log and authentication: a flood is refused before it costs a row, a key or a password check.
        app.UseAddressLimits();
        app.UseApiCallLog();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapExecutionHubEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapEvidenceEndpoints();
        app.MapHangfireDashboardForAdministrators();
        app.MapExecutionHubApi();
        return app;
    }
}
