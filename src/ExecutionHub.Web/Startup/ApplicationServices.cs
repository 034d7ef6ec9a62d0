using ExecutionHub.Web.Data;
using ExecutionHub.Web.Features.Api.Webhooks;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Messaging;
using ExecutionHub.Web.Infrastructure.Storage;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExecutionHub.Web.Startup;

/// <summary>
/// Everything a request needs to be handled: database, identity stores, mediator pipeline,
/// validators, clock. Shared by the web host and the handler tests, so tests run the real wiring.
/// </summary>
public static class ApplicationServices
{
    public static IServiceCollection AddExecutionHubApplication(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddExecutionHubDatabase(configuration, contentRoot);
        services.AddSingleton(TimeProvider.System);
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.AddDataProtection().SetApplicationName("ExecutionHub").PersistKeysToDbContext<AppDbContext>();
        services.AddScoped<ICurrentUser, HttpOrCircuitCurrentUser>();
        services.AddEvidenceStore(configuration, contentRoot);
        services.AddExecutionHubMessaging(configuration);
        services.AddExecutionHubWebhooks();

        var identity = configuration.GetSection("Identity");
        services.AddIdentityCore<AppUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = identity.GetValue("RequiredPasswordLength", 12);
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = identity.GetValue("LockoutMaxFailedAttempts", 20);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(identity.GetValue("LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/signin";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });
        services.TryAddSingleton<Infrastructure.Hosting.AddressWindows>();
        services.AddSingleton<StandInPasswordHash>();
        services.AddScoped<PasswordSignIn>();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(ValidationBehavior<,>),
            ];
        });
        services.AddScoped<Features.Matters.MatterChanges>();
        services.AddScoped<Features.Matters.Tasks.TaskChanges>();
        services.AddSingleton<Infrastructure.Notifications.INotificationSignal, Infrastructure.Notifications.InProcessNotificationSignal>();
        services.AddSingleton<Infrastructure.Notifications.IMatterChangeFeed, Infrastructure.Notifications.InProcessMatterChangeFeed>();
        services.AddSingleton<Infrastructure.Notifications.MatterChangeInterceptor>();
        services.AddSingleton<Features.Dashboard.DashboardSnapshots>();
        services.AddSingleton<Infrastructure.Notifications.IDomainEventHandler, Features.Notifications.HandOffNotifications>();
        services.AddSingleton<Infrastructure.Notifications.DomainEventInterceptor>();
        services.AddScoped<Features.Deadlines.DeadlineSweep>();
        services.AddScoped<Features.Reports.DraftMonthlyPortraits>();
        services.AddScoped<Infrastructure.Jobs.DatabaseMaintenanceJob>();
        services.AddScoped<Features.Api.ApiRecordsRetention>();
        services.AddScoped<Features.Warnings.RiskWarningEvaluator>();
        services.AddSingleton<Features.Demo.KnownPasswordAccounts>();
        services.AddValidatorsFromAssemblyContaining<AppDbContext>(ServiceLifetime.Scoped, includeInternalTypes: true);
        // Every request, besides its own validator: the dates it carries lie in a sane range.
        services.AddScoped(typeof(IValidator<>), typeof(Infrastructure.Mediator.SaneDatesValidator<>));
        ValidatorOptions.Global.DisplayNameResolver = FieldNames.Resolve;
        ValidatorOptions.Global.LanguageManager = new ResourceLanguageManager();
        return services;
    }
}
