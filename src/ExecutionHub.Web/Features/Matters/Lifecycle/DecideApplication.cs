using System.Globalization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Lifecycle;

/// <summary>
/// The judge grants or refuses a judicial relief or resume-execution application, with the reason
/// and, for relief granted, the amount. Resume execution is the judge's own call; relief is
/// decided on the hearing-and-relief group's recommendation: the one the group recorded when the
/// application was routed to it (and then the judge waits for it), else as the judge writes it in.
/// </summary>
[Allowed(Roles.Judge)]
public sealed record DecideApplication : ICommand<int>, IMatterRequest
{
    public int MatterId { get; init; }
    public int Version { get; init; }
    [FieldLabel("Decision.Verdict")]
    public ApplicationVerdict Verdict { get; set; } = ApplicationVerdict.Granted;
    [FieldLabel("Decision.Reason")]
    public string Reason { get; set; } = "";
    [FieldLabel("Decision.AmountGranted")]
    public decimal? AmountGranted { get; set; }
    [FieldLabel("Decision.GroupRecommendation")]
    public string? GroupRecommendation { get; set; }
}

public sealed class DecideApplicationValidator : AbstractValidator<DecideApplication>
{
    public DecideApplicationValidator()
    {
        RuleFor(x => x.Verdict).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
        RuleFor(x => x.GroupRecommendation).MaximumLength(2000);
        RuleFor(x => x.AmountGranted).GreaterThan(0m).When(x => x.AmountGranted is not null);
        RuleFor(x => x.AmountGranted).Null().When(x => x.Verdict == ApplicationVerdict.Refused);
    }
}

public sealed class DecideApplicationHandler(MatterChanges changes, ICurrentUser currentUser) : ICommandHandler<DecideApplication, int>
{
    public async ValueTask<int> Handle(DecideApplication command, CancellationToken cancellationToken)
    {
        var judge = await currentUser.GetAsync();
        var timelineEvent = command.Verdict == ApplicationVerdict.Granted ? "Timeline.ApplicationGranted" : "Timeline.ApplicationRefused";
        return await changes.ApplyAsync(command.MatterId, command.Version, timelineEvent, (matter, now) =>
        {
            matter.DecideApplication(command.Verdict, command.Reason, command.AmountGranted, command.GroupRecommendation, judge.Id, judge.Name, now);
            var reason = command.Reason.Trim();
            return command.AmountGranted is { } amount
                ? $"{amount.ToString("N2", CultureInfo.InvariantCulture)} 元 · {reason}"
                : reason;
        }, cancellationToken);
    }
}
