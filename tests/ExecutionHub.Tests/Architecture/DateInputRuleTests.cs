using System.Text.RegularExpressions;
using ExecutionHub.Tests.Repository;

namespace ExecutionHub.Tests.Architecture;

/// <summary>
/// Dates and times read 2026-12-07 and 08:29 in every form (<c>UiFormats</c>): each picker says so, and no form
/// uses the browser's own date or time input, which follows the browser's locale (12/07/2026, 08:29 AM).
/// </summary>
public sealed partial class DateInputRuleTests
{
    private static readonly string Web = Path.Combine(RepositoryFiles.Root, "src", "ExecutionHub.Web");

    [Fact]
    public void Every_date_and_time_input_shows_the_year_first_date_and_the_24_hour_clock()
    {
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Web, "*.razor", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var razor = File.ReadAllText(file);
            foreach (Match tag in Tag().Matches(razor))
            {
                if (Offends(tag))
                {
                    var line = razor[..tag.Index].Count(c => c == '\n') + 1;
                    offences.Add($"{RepositoryFiles.Relative(file)}:{line} <{tag.Groups["name"].Value} …>");
                }
            }
        }

        Assert.True(offences.Count == 0, "Inputs that would show the culture's or the browser's date format:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_rule_sees_a_picker_without_the_shared_format_and_a_native_date_time_input() =>
        Assert.Equal(2, Tag().Matches("""
            <MudDatePicker @bind-Date="d" Label="x" />
            <MudTimePicker @bind-Time="t" AmPm="false" />
            <MudTextField T="DateTime?" InputType="InputType.DateTimeLocal" />
            <MudDatePicker Date="@d" DateChanged="@(v => d = v)" DateFormat="@UiFormats.Date" />
            """).Count(Offends));

    private static bool Offends(Match tag) => tag.Groups["name"].Value switch
    {
        "MudDatePicker" or "MudDateRangePicker" => !tag.Value.Contains("DateFormat=\"@UiFormats.Date\"", StringComparison.Ordinal),
        "MudTimePicker" => !tag.Value.Contains("AmPm=\"false\"", StringComparison.Ordinal),
        _ => NativeDateInput().IsMatch(tag.Value),
    };

    /// <summary>A component or element's opening tag, across lines, up to its closing "&gt;" (a lambda's "=&gt;" is no end).</summary>
    [GeneratedRegex(@"<(?<name>Mud[A-Za-z]+|input)\b(?:=>|[^>])*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"InputType\.(Date|DateTimeLocal|Time|Month|Week)\b|type=""(date|datetime-local|time|month|week)""")]
    private static partial Regex NativeDateInput();
}
