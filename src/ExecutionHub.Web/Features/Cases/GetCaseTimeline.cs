using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>
/// What has happened on a case, newest first: the timeline of every one of its matters and the
/// case's own entries (milestones), the first <see cref="Take"/> of them. "Show more" asks again
/// with a larger <see cref="Take"/>, so entries added meanwhile neither repeat nor go missing.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetCaseTimeline(int CaseId, int Take = GetCaseTimeline.PageSize) : IQuery<CaseTimelineView>, ICaseRequest
{
    public const int PageSize = 20;
    public const int MaxTake = 1000;
}

/// <summary>A timeline entry and the matter it belongs to; no matter for an entry about the case itself.</summary>
public sealed record CaseTimelineEntryView(TimelineView Entry, int? MatterId, string? MatterReference);

public sealed record CaseTimelineView(IReadOnlyList<CaseTimelineEntryView> Entries, int Total)
{
    public bool HasMore => Entries.Count < Total;
}

public sealed class GetCaseTimelineValidator : AbstractValidator<GetCaseTimeline>
{
    public GetCaseTimelineValidator() => RuleFor(x => x.Take).InclusiveBetween(1, GetCaseTimeline.MaxTake);
}

public sealed class GetCaseTimelineHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetCaseTimeline, CaseTimelineView>
{
    public async ValueTask<CaseTimelineView> Handle(GetCaseTimeline query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ofCase = db.Timeline.AsNoTracking().Where(t => t.CaseId == query.CaseId);
        var total = await ofCase.CountAsync(cancellationToken);
        var entries = await ofCase.OrderByDescending(t => t.AtUtc).ThenByDescending(t => t.Id).Take(query.Take)
            .Select(t => new { View = new TimelineView(t.AtUtc, t.ActorName, t.Event, t.Detail, t.TaskId), t.MatterId })
            .ToListAsync(cancellationToken);
        var matterIds = entries.Where(e => e.MatterId != null).Select(e => e.MatterId!.Value).Distinct().ToList();
        var references = await db.Matters.Where(m => matterIds.Contains(m.Id)).Select(m => new { m.Id, m.Reference })
            .ToDictionaryAsync(m => m.Id, m => m.Reference, cancellationToken);
        return new CaseTimelineView(
            entries.Select(e => new CaseTimelineEntryView(e.View, e.MatterId, e.MatterId is { } id ? references.GetValueOrDefault(id) : null)).ToList(),
            total);
    }
}
