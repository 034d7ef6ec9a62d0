using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ExecutionHub.Web.Components.Shared;

/// <summary>
/// What <see cref="CommandButton"/>, <see cref="CommandIconButton"/> and <see cref="CommandMenuItem"/>
/// share (habit 11): the command, the guard that drops a repeat while it runs, and the disabled state
/// that shows it. Each renders its MudBlazor control disabled while <see cref="IsRunning"/>.
/// </summary>
public abstract class CommandControl : ComponentBase
{
    private readonly CommandGuard guard = new();

    /// <summary>The command: awaited to the end (dialogs it opens included) before the control takes another click.</summary>
    [Parameter, EditorRequired]
    public EventCallback OnRun { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public string? Class { get; set; }

    /// <summary>data-testid, aria-label, title…: passed to the rendered element.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public Dictionary<string, object?> AdditionalAttributes { get; set; } = [];

    public bool IsRunning => guard.IsRunning;

    protected bool IsDisabled => Disabled || guard.IsRunning;

    /// <summary>
    /// A click on the rendered control. The second click of a double-click (the browser counts it in
    /// <see cref="MouseEventArgs.Detail"/>) is the same gesture as the first and is dropped even when it
    /// arrives after the first run has finished: a busy browser or a save quicker than the double-click
    /// delivers it to a control already enabled again (pinned by the browser test DoubleClickTests).
    /// </summary>
    protected Task ClickAsync(MouseEventArgs click) => click.Detail > 1 ? Task.CompletedTask : RunAsync();

    /// <summary>Runs the command as a click would: dropped while one runs or while the control is disabled.</summary>
    public async Task RunAsync()
    {
        if (Disabled)
        {
            return;
        }

        try
        {
            await guard.RunAsync(async () =>
            {
                // Shown disabled at once, also when the run came from outside (a form's Enter), not from this control's click.
                StateHasChanged();
                await OnRun.InvokeAsync();
            });
        }
        finally
        {
            StateHasChanged();
        }
    }
}
