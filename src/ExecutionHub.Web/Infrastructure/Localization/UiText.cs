using System.Globalization;
using System.Resources;

namespace ExecutionHub.Web.Infrastructure.Localization;

/// <summary>Shared-resource lookups for code without an injected localizer (validators, static helpers), in the current UI culture.</summary>
public static class UiText
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    public static string Get(string key) => Get(key, CultureInfo.CurrentUICulture);

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string? Find(string key) => Find(key, CultureInfo.CurrentUICulture);

    public static string? Find(string key, CultureInfo culture) => Resources.GetString(key, culture);

    /// <summary>Whether the resources hold <paramref name="key"/> (in the neutral language, where every key is).</summary>
    public static bool Exists(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>The text of <paramref name="key"/> with <paramref name="args"/> filled in, in the current culture; without arguments, the text as it is.</summary>
    public static string Format(string key, params object[] args) =>
        args.Length == 0 ? Get(key) : string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
