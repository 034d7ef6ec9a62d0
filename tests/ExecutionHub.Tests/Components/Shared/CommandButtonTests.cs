using Bunit;
using ExecutionHub.Web.Components.Shared;
using MudBlazor;

namespace ExecutionHub.Tests.Components.Shared;

public sealed class CommandButtonTests : BunitTestBase
{
    /// <summary>A command that runs until the test lets it finish, counting how often it was started.</summary>
    private sealed class HeldCommand
    {
        private TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs { get; private set; }

        public Task RunAsync()
        {
            Runs++;
            return release.Task;
        }

        public void Finish() => release.TrySetResult();

        public void Fail() => release.TrySetException(new InvalidOperationException("the command failed"));

        public void Reset() => release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private IRenderedComponent<CommandButton> RenderButton(HeldCommand command) => Render<CommandButton>(p => p
        .Add(x => x.OnRun, command.RunAsync)
        .Add(x => x.Variant, Variant.Filled)
        .Add(x => x.StartIcon, Icons.Material.Filled.Send)
        .AddUnmatched("data-testid", "save")
        .AddChildContent("保存"));

    [Fact]
    public async Task Should_not_run_the_command_again_when_clicked_while_it_runs()
    {
        var command = new HeldCommand();
        var cut = RenderButton(command);

        var first = cut.Find("[data-testid=save]").ClickAsync(new());
        await cut.Find("[data-testid=save]").ClickAsync(new());
        // Enter on the focused button (or a form's Enter) arrives through RunAsync, past the rendered disabled state.
        await cut.InvokeAsync(() => cut.Instance.RunAsync());

        Assert.Equal(1, command.Runs);
        command.Finish();
        await first;
        Assert.Equal(1, command.Runs);
    }

    [Fact]
    public async Task Should_render_disabled_with_a_progress_indicator_while_the_command_runs()
    {
        var command = new HeldCommand();
        var cut = RenderButton(command);
        Assert.False(cut.Find("[data-testid=save]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=command-progress]"));

        var run = cut.Find("[data-testid=save]").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.True(cut.Find("[data-testid=save]").HasAttribute("disabled"));
            Assert.Single(cut.FindAll("[data-testid=command-progress]"));
            Assert.Contains("保存", cut.Find("[data-testid=save]").TextContent, StringComparison.Ordinal);
        });
        command.Finish();
        await run;
    }

    [Fact]
    public async Task Should_take_clicks_again_after_the_command_has_finished()
    {
        var command = new HeldCommand();
        var cut = RenderButton(command);
        var run = cut.Find("[data-testid=save]").ClickAsync(new());
        command.Finish();
        await run;

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=save]").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("[data-testid=command-progress]"));
        await cut.Find("[data-testid=save]").ClickAsync(new());
        Assert.Equal(2, command.Runs);
    }

    [Fact]
    public async Task Should_not_run_again_for_the_second_click_of_a_double_click_arriving_after_the_first_run_finished()
    {
        var command = new HeldCommand();
        var cut = RenderButton(command);
        var run = cut.Find("[data-testid=save]").ClickAsync(new() { Detail = 1 });
        command.Finish();
        await run;
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=save]").HasAttribute("disabled")));

        await cut.Find("[data-testid=save]").ClickAsync(new() { Detail = 2 });
        Assert.Equal(1, command.Runs);

        // A new click (the browser counts from one again) and Enter on the button (no count) still run.
        await cut.Find("[data-testid=save]").ClickAsync(new() { Detail = 1 });
        await cut.Find("[data-testid=save]").ClickAsync(new() { Detail = 0 });
        Assert.Equal(3, command.Runs);
    }

    [Fact]
    public async Task Should_take_clicks_again_after_the_command_has_thrown()
    {
        var command = new HeldCommand();
        var cut = RenderButton(command);
        var unhandled = Renderer.UnhandledException;
        _ = cut.Find("[data-testid=save]").ClickAsync(new());
        command.Fail();

        // The renderer sees the command's exception, as the circuit would.
        Assert.IsType<InvalidOperationException>(await unhandled.WaitAsync(TimeSpan.FromSeconds(10)));

        // Rendered by the failing run itself (WaitForAssertion would rethrow the renderer's exception).
        Assert.False(cut.Find("[data-testid=save]").HasAttribute("disabled"));
        Assert.False(cut.Instance.IsRunning);
        command.Reset();
        command.Finish();
        await cut.Find("[data-testid=save]").ClickAsync(new());
        Assert.Equal(2, command.Runs);
    }

    [Fact]
    public async Task Should_not_run_from_outside_while_the_button_is_disabled()
    {
        var command = new HeldCommand();
        var cut = Render<CommandButton>(p => p.Add(x => x.OnRun, command.RunAsync).Add(x => x.Disabled, true));

        await cut.InvokeAsync(() => cut.Instance.RunAsync());

        Assert.Equal(0, command.Runs);
    }

    [Fact]
    public async Task Should_not_run_an_icon_buttons_command_again_while_it_runs()
    {
        var command = new HeldCommand();
        var cut = Render<CommandIconButton>(p => p
            .Add(x => x.OnRun, command.RunAsync)
            .Add(x => x.Icon, Icons.Material.Filled.Delete)
            .AddUnmatched("data-testid", "delete"));

        var first = cut.Find("[data-testid=delete]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=delete]").HasAttribute("disabled")));
        await cut.InvokeAsync(() => cut.Instance.RunAsync());

        Assert.Equal(1, command.Runs);
        command.Finish();
        await first;
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=delete]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Should_not_run_a_menu_items_command_again_while_it_runs()
    {
        var command = new HeldCommand();
        var cut = Render<CommandMenuItem>(p => p
            .Add(x => x.OnRun, command.RunAsync)
            .AddUnmatched("data-testid", "mark")
            .AddChildContent("标记"));

        var first = cut.Find("[data-testid=mark]").ClickAsync(new());
        await cut.Find("[data-testid=mark]").ClickAsync(new());

        Assert.Equal(1, command.Runs);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=mark]").GetAttribute("aria-disabled")));
        command.Finish();
        await first;
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=mark]").GetAttribute("aria-disabled")));
    }

    [Fact]
    public async Task The_guard_drops_a_second_run_while_the_first_runs_and_takes_one_after()
    {
        var guard = new CommandGuard();
        var release = new TaskCompletionSource();
        var runs = 0;

        var first = guard.RunAsync(() => { runs++; return release.Task; });
        var second = await guard.RunAsync(() => { runs++; return Task.CompletedTask; });
        Assert.True(guard.IsRunning);
        release.SetResult();

        Assert.True(await first);
        Assert.False(second);
        Assert.False(guard.IsRunning);
        Assert.True(await guard.RunAsync(() => { runs++; return Task.CompletedTask; }));
        Assert.Equal(2, runs);
    }
}
