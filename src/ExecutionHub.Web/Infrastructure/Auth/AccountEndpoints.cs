using ExecutionHub.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace ExecutionHub.Web.Infrastructure.Auth;

public static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/signout", async ([FromServices] SignInManager<Data.AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/signin");
        });

        // The circuit cannot write cookies, so a language switch ends here with a full reload; the
        // user's stored preference is saved before, through the mediator (ChangeMyCulture).
        app.MapGet("/culture/apply", (string? culture, string? returnUrl, HttpContext http) =>
        {
            WriteCultureCookie(http, culture);
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        });
        return app;
    }

    public static void WriteCultureCookie(HttpContext http, string? culture)
    {
        var normalised = Cultures.Normalise(culture);
        http.Response.Cookies.Append(
            Cultures.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(normalised)),
            new CookieOptions { Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    /// <summary>
    /// A path on this site, or "/": refuses other hosts ("//x", "/\\x") and any control character
    /// (a tab or line break after the slash makes browsers read "/\t/x" as "//x"; LocalRedirect throws on it).
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl.StartsWith('/')
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
