using System.Globalization;
using System.Resources;

namespace ExecutionHub.Web.Infrastructure.Localization;

/// <summary>Shared-resource lookups for code without an injected localizer (validators, static helpers), in the current UI culture.</summary>
public static class UiText
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);
}
