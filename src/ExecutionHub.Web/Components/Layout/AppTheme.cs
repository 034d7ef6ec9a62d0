using MudBlazor;

namespace ExecutionHub.Web.Components.Layout;

/// <summary>The court's colours: a deep official blue with a seal-red accent.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1E4E8C",
            Secondary = "#B3261E",
            AppbarBackground = "#1E4E8C",
            Background = "#F5F7FA",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["\"PingFang SC\"", "\"Microsoft YaHei\"", "\"Noto Sans CJK SC\"", "Roboto", "sans-serif"],
            },
        },
    };
}
