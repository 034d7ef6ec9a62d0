using System.Globalization;
using Bunit;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Components.Shared;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace ExecutionHub.Tests.Components;

/// <summary>
/// One base for component tests: loose JS interop, MudBlazor services and providers, the app's
/// resources in Chinese, and async disposal (MudBlazor's services are async-disposable only).
/// </summary>
public abstract class BunitTestBase : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;

    protected BunitTestBase()
    {
        UseCulture("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddTransient<MudLocalizer, ResxMudLocalizer>();
        Services.AddLogging();
    }

    /// <summary>Renders the MudBlazor providers a page's popovers, dialogs and snackbars need.</summary>
    protected void RenderProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
    }

    /// <summary>
    /// Gives the components under test the application of a handler-test host: its mediator,
    /// validators and database through <paramref name="scope"/>, its (fake) clock, a <see cref="UiSender"/>
    /// that shows refusals in this context's snackbars, and the MudBlazor providers.
    /// </summary>
    protected (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) UseApplication(AsyncServiceScope scope)
    {
        Services.AddFallbackServiceProvider(scope.ServiceProvider);

        // AddMudServices registers the system clock; components must read the same (fake) clock as the handlers.
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        Services.AddScoped(sp => new UiSender(
            scope.ServiceProvider.GetRequiredService<ISender>(),
            sp.GetRequiredService<ISnackbar>(),
            sp.GetRequiredService<IStringLocalizer<SharedResource>>(),
            NullLogger<UiSender>.Instance));
        Popovers = Render<MudPopoverProvider>();
        return (Render<MudDialogProvider>(), Render<MudSnackbarProvider>());
    }

    /// <summary>Where open menus and selects render once <see cref="UseApplication"/> has run.</summary>
    protected IRenderedComponent<MudPopoverProvider>? Popovers { get; private set; }

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(name);
        CultureInfo.CurrentCulture = new CultureInfo(name);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previousUiCulture;
        CultureInfo.CurrentCulture = previousCulture;
        await DisposeAsync();
    }
}
