namespace ExecutionHub.Web.Components.Shared;

/// <summary>
/// How dates and times read in every input, in both languages: 2026-12-07 and 08:29 on a 24-hour clock, as
/// Chinese forms write them. Pickers are told so explicitly: left to themselves they follow the culture's
/// short date (2026/12/7) and the browser's locale (a native date input in an English Chromium shows 12/07/2026,
/// 08:29 AM), which is why no form uses the browser's own date or time input.
/// </summary>
public static class UiFormats
{
    public const string Date = "yyyy-MM-dd";
    public const string Time = "HH:mm";
}
