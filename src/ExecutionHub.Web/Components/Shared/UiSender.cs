using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ExecutionHub.Web.Components.Shared;

/// <summary>The result of a request sent from the UI: its value, or why it was refused.</summary>
public sealed record Outcome<T>(bool Succeeded, T? Value, IReadOnlyList<ValidationFailure> Errors)
{
    public static Outcome<T> Ok(T value) => new(true, value, []);

    public static Outcome<T> Failed(IReadOnlyList<ValidationFailure>? errors = null) => new(false, default, errors ?? []);
}

/// <summary>
/// Sends a component's requests through the mediator and turns refusals into what a user can
/// read: a snackbar for "not allowed", a domain rule's refusal and "not found", the validation messages for bad input.
/// </summary>
public sealed class UiSender(ISender sender, ISnackbar snackbar, IStringLocalizer<SharedResource> localizer, ILogger<UiSender> logger)
{
    public Task<Outcome<T>> SendAsync<T>(ICommand<T> command, CancellationToken cancellationToken = default) =>
        RunAsync(() => sender.Send(command, cancellationToken));

    public Task<Outcome<T>> QueryAsync<T>(IQuery<T> query, CancellationToken cancellationToken = default) =>
        RunAsync(() => sender.Send(query, cancellationToken));

    private async Task<Outcome<T>> RunAsync<T>(Func<ValueTask<T>> send)
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
        catch (RequestRefusedException ex)
        {
            snackbar.Add(localizer[ex.MessageKey], MudBlazor.Severity.Error);
            return Outcome<T>.Failed();
        }
        catch (Domain.DomainRuleException ex)
        {
            snackbar.Add(localizer[ex.MessageKey], MudBlazor.Severity.Warning);
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
