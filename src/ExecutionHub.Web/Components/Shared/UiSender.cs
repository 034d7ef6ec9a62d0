using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ExecutionHub.Web.Components.Shared;

/// <summary>The result of a request sent from the UI: its value, or why it was refused.</summary>
public sealed record Outcome<T>(bool Succeeded, T? Value, IReadOnlyList<ValidationFailure> Errors, bool Stale = false)
{
    public static Outcome<T> Ok(T value) => new(true, value, []);

    public static Outcome<T> Failed(IReadOnlyList<ValidationFailure>? errors = null, bool concurrency = false) => new(false, default, errors ?? [], concurrency);
}

/// <summary>
/// Sends a component's requests through the mediator and turns refusals into what a user can
/// read: a snackbar for "not allowed", "not found", a domain rule or someone else's change,
/// and the validation messages for bad input.
/// </summary>
public sealed class UiSender(ISender sender, ISnackbar snackbar, IStringLocalizer<SharedResource> localizer, ILogger<UiSender> logger)
{
    public Task<Outcome<T>> SendAsync<T>(ICommand<T> command, CancellationToken cancellationToken = default) =>
        RunAsync(() => sender.Send(command, cancellationToken));

    public Task<Outcome<T>> QueryAsync<T>(IQuery<T> query, CancellationToken cancellationToken = default) =>
        RunAsync(() => sender.Send(query, cancellationToken));

    /// <summary>
    /// Like <see cref="QueryAsync"/>, but "not allowed" and "not found" fail quietly: the page that
    /// opens one thing (a task, a matter) says in place that it is no longer the user's — the link
    /// may come from a notification sent before the task was reassigned or the user's scope changed.
    /// </summary>
    public Task<Outcome<T>> OpenAsync<T>(IQuery<T> query, CancellationToken cancellationToken = default) =>
        RunAsync(() => sender.Send(query, cancellationToken), quietWhenOutOfReach: true);

    private async Task<Outcome<T>> RunAsync<T>(Func<ValueTask<T>> send, bool quietWhenOutOfReach = false)
    {
        try
        {
            return Outcome<T>.Ok(await send());
        }
        catch (ValidationException ex)
        {
            var errors = ex.Errors.ToList();
            snackbar.Add(string.Join(" ", errors.Select(e => e.ErrorMessage).Distinct()), MudBlazor.Severity.Warning);
            return Outcome<T>.Failed(errors);
        }
        catch (RequestRefusedException) when (quietWhenOutOfReach)
        {
            return Outcome<T>.Failed();
        }
        catch (RequestRefusedException ex)
        {
            snackbar.Add(localizer[ex.MessageKey], MudBlazor.Severity.Error);
            return Outcome<T>.Failed();
        }
        catch (DomainRuleException ex)
        {
            snackbar.Add(localizer[ex.MessageKey], MudBlazor.Severity.Warning);
            return Outcome<T>.Failed();
        }
        catch (DbUpdateConcurrencyException)
        {
            snackbar.Add(localizer["Error.Concurrency"], MudBlazor.Severity.Warning);
            return Outcome<T>.Failed(concurrency: true);
        }
        catch (NotFoundException) when (quietWhenOutOfReach)
        {
            return Outcome<T>.Failed();
        }
        catch (NotFoundException)
        {
            snackbar.Add(localizer["Error.NotFound"], MudBlazor.Severity.Warning);
            return Outcome<T>.Failed();
        }
        catch (OperationCanceledException)
        {
            return Outcome<T>.Failed();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Request failed in the UI");
            snackbar.Add(localizer["Error.Unexpected"], MudBlazor.Severity.Error);
            return Outcome<T>.Failed();
        }
    }
}
