using System.Globalization;
using FluentValidation.Resources;

namespace ExecutionHub.Web.Infrastructure.Localization;

/// <summary>
/// FluentValidation's own messages ("must not be empty") from the shared resources (<c>Validation.Default.{Validator}</c>),
/// so they read as the rest of the UI in Chinese and in English; a validator without such a key keeps FluentValidation's
/// text in the same language (any Simplified Chinese culture gets its zh-CN texts).
/// </summary>
public sealed class ResourceLanguageManager : LanguageManager
{
    private static readonly CultureInfo SimplifiedChinese = CultureInfo.GetCultureInfo("zh-CN");

    public override string GetString(string key, CultureInfo? culture = null)
    {
        culture ??= Culture ?? CultureInfo.CurrentUICulture;
        if (UiText.Find($"Validation.Default.{key}", culture) is { } text)
        {
            return text;
        }

        return base.GetString(key, IsSimplifiedChinese(culture) ? SimplifiedChinese : culture);
    }

    private static bool IsSimplifiedChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" && !culture.Name.Contains("Hant", StringComparison.Ordinal)
        && culture.Name is not ("zh-TW" or "zh-HK" or "zh-MO");
}
