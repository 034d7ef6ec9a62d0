using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api.Webhooks;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Feedback;

/// <summary>
/// The coordinator writes the consolidated feedback (prefilled from the accepted findings) and
/// sends it to the court: consolidated, then fed back, in one step the judge sees at once.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record FeedBackMatter(int MatterId, int Version, string Feedback, [property: FieldLabel("Matters.Outcome")] MatterOutcome? Outcome) : ICommand<int>, IMatterRequest;

public sealed class FeedBackMatterValidator : AbstractValidator<FeedBackMatter>
{
    public FeedBackMatterValidator()
    {
        RuleFor(x => x.Feedback).NotEmpty().MaximumLength(8000);
        RuleFor(x => x.Outcome).IsInEnum();
    }
}

/// <remarks>A matter referred by an API client with a webhook queues <c>matter.fed_back</c> in the same transaction.</remarks>
public sealed class FeedBackMatterHandler(MatterChanges changes, WebhookEvents webhooks) : ICommandHandler<FeedBackMatter, int>
{
    public async ValueTask<int> Handle(FeedBackMatter command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.MatterFedBack", (matter, now) =>
        {
            matter.Consolidate(command.Feedback, command.Outcome, now);
            matter.FeedBack(now);
            return "";
        }, cancellationToken,
        (db, matter, now) => webhooks.QueueFedBackAsync(db, matter, command.Version, now, cancellationToken));
}
