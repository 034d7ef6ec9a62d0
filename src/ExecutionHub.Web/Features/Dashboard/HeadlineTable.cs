using System.Globalization;
using MudBlazor;

namespace ExecutionHub.Web.Features.Dashboard;

/// <summary>The headline figures as the cards and the exported table show them: "—" where there is nothing to average.</summary>
public static class HeadlineTable
{
    public const string Nothing = "—";

    public sealed record Row(string Key, string Value, string Icon, Color Color, bool Wide = false);

    public static IReadOnlyList<Row> Rows(HeadlineFigures f) =>
    [
        new("WhereaboutsVerified", Count(f.WhereaboutsVerified), Icons.Material.Filled.PersonSearch, Color.Primary, Wide: true),
        new("AssetCluesVerified", Count(f.AssetCluesVerified), Icons.Material.Filled.DirectionsCar, Color.Primary, Wide: true),
        new("AverageCycle", Hours(f.AverageCycleHours), Icons.Material.Filled.Timelapse, Color.Primary, Wide: true),
        new("OnTimeRate", Percent(f.OnTimeRate), Icons.Material.Filled.Verified, Color.Success, Wide: true),
        new("MedianCycle", Hours(f.MedianCycleHours), Icons.Material.Filled.Timer, Color.Default),
        new("Percentile90Cycle", Hours(f.Percentile90CycleHours), Icons.Material.Filled.TimerOff, Color.Default),
        new("FedBack", Count(f.FedBack), Icons.Material.Filled.Send, Color.Default),
        new("Open", Count(f.Open), Icons.Material.Filled.Assignment, Color.Info),
        new("DueSoon", Count(f.DueSoon), Icons.Material.Filled.HourglassBottom, Color.Warning),
        new("Overdue", Count(f.Overdue), Icons.Material.Filled.Alarm, Color.Error),
        new("FedBackThisWeek", Count(f.FedBackThisWeek), Icons.Material.Filled.DateRange, Color.Default),
    ];

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Hours(double? hours) => hours is { } value ? value.ToString("0.0", CultureInfo.CurrentCulture) : Nothing;

    public static string Percent(double? rate) => rate is { } value ? value.ToString("0.0%", CultureInfo.CurrentCulture) : Nothing;
}
