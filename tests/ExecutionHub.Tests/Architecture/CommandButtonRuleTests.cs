using ExecutionHub.Tests.Repository;

namespace ExecutionHub.Tests.Architecture;

/// <summary>
/// Habit 11 as a test: a click, an Enter key or a form submit that sends a command goes through the
/// shared guard (<c>CommandButton</c>, <c>CommandIconButton</c>, <c>CommandMenuItem</c>, or a form's
/// Enter calling such a button's <c>RunAsync</c>), never straight through a raw MudBlazor control,
/// where a double-click saves twice.
/// </summary>
public sealed class CommandButtonRuleTests
{
    private static readonly HashSet<string> Guarded = new(["CommandButton", "CommandIconButton", "CommandMenuItem"], StringComparer.Ordinal);

    private static readonly string Web = Path.Combine(RepositoryFiles.Root, "src", "ExecutionHub.Web");

    /// <summary>One line per trigger bound to a command outside the guard: "file:line &lt;Tag Attribute="expression"&gt;".</summary>
    private static List<string> Offences(string razor, string file)
    {
        // A static page (a plain HTML form post, no circuit) has no component state to guard; the server handles each post.
        if (razor.Contains("[ExcludeFromInteractiveRouting]", StringComparison.Ordinal))
        {
            return [];
        }

        var (markup, code) = RazorHandlers.Split(razor);
        var senders = RazorHandlers.Senders(code);
        return RazorHandlers.Bindings(markup)
            .Where(b => !Guarded.Contains(b.Tag))
            .Where(b => b.Expression.Contains("SendAsync", StringComparison.Ordinal) || RazorHandlers.Identifiers(b.Expression).Any(senders.Contains))
            .Select(b => $"{file}:{b.Line} <{b.Tag} {b.Attribute}=\"{b.Expression}\">")
            .ToList();
    }

    private static IEnumerable<(string Razor, string File)> Components() =>
        Directory.EnumerateFiles(Web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (File.ReadAllText(f), RepositoryFiles.Relative(f)));

    [Fact]
    public void Should_send_every_command_from_a_guarded_button()
    {
        var offences = Components().SelectMany(c => Offences(c.Razor, c.File)).ToList();

        Assert.True(offences.Count == 0,
            "These send a command from a control that a double-click fires twice; use <CommandButton OnRun=\"…\"> (or CommandIconButton, " +
            "CommandMenuItem; for a form's Enter, @ref the button and call its RunAsync):" + Environment.NewLine + string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void Should_read_the_app_well_enough_for_the_rule_to_mean_something()
    {
        var components = Components().ToList();
        var senders = components.Sum(c => RazorHandlers.Senders(RazorHandlers.Split(c.Razor).Code).Count);
        var guarded = components.Sum(c => RazorHandlers.Bindings(RazorHandlers.Split(c.Razor).Markup).Count(b => Guarded.Contains(b.Tag)));
        var raw = components.Sum(c => RazorHandlers.Bindings(RazorHandlers.Split(c.Razor).Markup).Count(b => !Guarded.Contains(b.Tag)));

        // The rule passes vacuously if the reading finds no commands or no buttons; these floors keep it honest.
        Assert.True(components.Count >= 100, $"{components.Count} components read");
        Assert.True(senders >= 80, $"{senders} methods found sending a command");
        Assert.True(guarded >= 70, $"{guarded} guarded triggers found");
        Assert.True(raw >= 20, $"{raw} raw triggers found (cancel buttons, menus, pickers)");
    }

    [Fact]
    public void Should_flag_a_raw_button_whose_handler_sends_directly_or_through_another_method()
    {
        const string Page = """
            <MudButton Variant="Variant.Filled" OnClick="SaveAsync">保存</MudButton>
            <MudIconButton Icon="@Icons.Material.Filled.Delete" data-testid="@($"delete-{item.Id}")"
                           OnClick="@(() => DeleteAsync(item))" />
            <MudMenuItem OnClick="@(async () => await Ui.SendAsync(new MarkRead()))">已读</MudMenuItem>
            <MudButton OnClick="OnAccept">接收</MudButton>
            <MudForm Model="model" OnEnterPressed="SaveAsync" />
            <MudButton OnClick="() => MudDialog.Cancel()">取消</MudButton>
            <MudButton OnClick="@(() => open = !open)">展开</MudButton>
            <CommandButton OnRun="SaveAsync">保存</CommandButton>
            <MudForm Model="model" OnEnterPressed="() => save.RunAsync()" />

            @code {
                [Parameter]
                public EventCallback OnAccept { get; set; }

                [Parameter]
                public EventCallback<string> OnTextChanged { get; set; }

                private async Task SaveAsync()
                {
                    var outcome = await Ui.SendAsync(new SaveThing(model));
                }

                private Task DeleteAsync(Item item) => ConfirmThenAsync(() => RemoveAsync(item));

                private async Task RemoveAsync(Item item) => await Ui.SendAsync(new RemoveThing(item.Id));

                private async Task ConfirmThenAsync(Func<Task> next) => await next();
            }
            """;

        var offences = Offences(Page, "Page.razor");

        Assert.Equal(
            [
                "Page.razor:1 <MudButton OnClick=\"SaveAsync\">",
                "Page.razor:2 <MudIconButton OnClick=\"@(() => DeleteAsync(item))\">",
                "Page.razor:4 <MudMenuItem OnClick=\"@(async () => await Ui.SendAsync(new MarkRead()))\">",
                "Page.razor:5 <MudButton OnClick=\"OnAccept\">",
                "Page.razor:6 <MudForm OnEnterPressed=\"SaveAsync\">",
            ],
            offences);
    }
}
