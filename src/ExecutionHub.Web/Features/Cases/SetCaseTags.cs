using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Warnings;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>
/// A judge of the case's court or a coordinator of its street sets the case's tags (城市更新,
/// 群体性), which the street's risk rules read. The change goes on the case's timeline.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record SetCaseTags(int CaseId, CaseTags Tags) : ICommand<CaseTags>, ICaseRequest;

public sealed class SetCaseTagsValidator : AbstractValidator<SetCaseTags>
{
    private const CaseTags Known = CaseTags.UrbanRenewal | CaseTags.GroupRelated;

    public SetCaseTagsValidator() =>
        RuleFor(x => x.Tags).Must(t => (t & ~Known) == 0).WithMessage(_ => UiText.Get("Cases.Tags.Unknown"));
}

public sealed class SetCaseTagsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetCaseTags, CaseTags>
{
    public async ValueTask<CaseTags> Handle(SetCaseTags command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken) ?? throw new NotFoundException($"Case {command.CaseId}");
        if (@case.Tags == command.Tags)
        {
            return @case.Tags;
        }

        var added = command.Tags & ~@case.Tags;
        var removed = @case.Tags & ~command.Tags;
        @case.Tags = command.Tags;
        db.Timeline.Add(new TimelineEntry
        {
            CaseId = @case.Id,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorId = me.Id,
            ActorName = me.Name,
            Event = "Timeline.CaseTagsChanged",
            Detail = string.Join(UiText.Get("Common.ListSeparator"), new[]
            {
                added != CaseTags.None ? string.Format(UiText.Get("Cases.Tags.Added"), RiskWarningText.TagNames(added)) : null,
                removed != CaseTags.None ? string.Format(UiText.Get("Cases.Tags.Removed"), RiskWarningText.TagNames(removed)) : null,
            }.Where(s => s is not null)),
        });
        await db.SaveChangesAsync(cancellationToken);
        return @case.Tags;
    }
}
