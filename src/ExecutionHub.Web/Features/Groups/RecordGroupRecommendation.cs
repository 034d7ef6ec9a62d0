using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mediator;

namespace ExecutionHub.Web.Features.Groups;

/// <summary>
/// A member of the hearing-and-relief group records the group's recommendation (grant or refuse,
/// with its reasons) on an application routed to the group; the judge then decides on it. Once.
/// </summary>
[Allowed(Roles.Coordinator, Roles.GridWorker)]
public sealed record RecordGroupRecommendation : ICommand<int>, IMatterRequest
{
    public int MatterId { get; init; }
    public int Version { get; init; }
    public ApplicationVerdict Verdict { get; set; } = ApplicationVerdict.Granted;
    public string Text { get; set; } = "";
}

public sealed class RecordGroupRecommendationValidator : AbstractValidator<RecordGroupRecommendation>
{
    public RecordGroupRecommendationValidator()
    {
        RuleFor(x => x.Verdict).IsInEnum();
        RuleFor(x => x.Text).NotEmpty().MaximumLength(2000).WithName(_ => UiText.Get("Recommendation.Text"));
    }
}

public sealed class RecordGroupRecommendationHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordGroupRecommendation, int>
{
    public async ValueTask<int> Handle(RecordGroupRecommendation command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matter = await MatterChanges.LoadAsync(db, command.MatterId, command.Version, cancellationToken);
        if (matter.Route != ApplicationRoute.HearingGroup || matter.WorkingGroupId is not { } groupId)
        {
            throw new DomainRuleException("Rule.Matter.NotRoutedToGroup");
        }

        await GroupMembership.RequireMemberAsync(db, groupId, me.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        matter.RecordRecommendation(command.Verdict, command.Text, me.Id, me.Name, now);
        db.AddTimeline(matter, me, now, "Timeline.GroupRecommended", $"{UiText.Get($"Recommendation.{command.Verdict}")} · {command.Text.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        return matter.Version;
    }
}
