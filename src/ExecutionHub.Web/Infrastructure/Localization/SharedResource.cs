namespace ExecutionHub.Web.Infrastructure.Localization;

/// <summary>
/// Marker for the UI's one resource set: <c>Resources/Infrastructure/Localization/SharedResource.resx</c>
/// (Simplified Chinese, the neutral language) and <c>SharedResource.en.resx</c> (English).
/// </summary>
public sealed class SharedResource;

public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const string CookieName = ".ExecutionHub.Culture";

    public static readonly string[] Supported = [Chinese, English];

    public static string Normalise(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Chinese;
}
