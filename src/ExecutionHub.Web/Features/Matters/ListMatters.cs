using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters;

public enum MatterSort
{
    ReceivedDesc = 0,
    ReceivedAsc = 1,
    DueAsc = 2,
    DueDesc = 3,
    Reference = 4,
}

/// <summary>
/// One page of the matters the sender may see — a judge's court, a coordinator's street — with
/// filters and sort done in the database on indexed columns, so a page costs the same with
/// hundreds of thousands of matters.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record ListMatters : IQuery<MatterListPage>
{
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
    public MatterSort Sort { get; init; }
    public IReadOnlyList<MatterStatus> Statuses { get; init; } = [];
    public MatterType? Type { get; init; }
    public int? StreetId { get; init; }
    public string? AssigneeId { get; init; }

    /// <summary>Matters assigned to this working group.</summary>
    public int? WorkingGroupId { get; init; }
    public bool OverdueOnly { get; init; }
    public bool DueWithinDay { get; init; }
    public bool MineOnly { get; init; }
    public string? Search { get; init; }
}

public sealed record MatterRow(
    int Id,
    string Reference,
    string CaseNumber,
    MatterType Type,
    MatterStatus Status,
    string Target,
    string StreetName,
    DateTime ReceivedAtUtc,
    DateTime DueAtUtc,
    bool IsPaused,
    int OpenTasks,
    int? WindowVisitId,
    string? GroupName = null)
{
    /// <summary>Open as the domain counts it (<see cref="Matter.IsOpen"/>): only an open matter's clock is shown.</summary>
    public bool IsOpen => Matter.IsOpenStatus(Status);
}

public sealed record MatterListPage(IReadOnlyList<MatterRow> Rows, int Total);

public sealed class ListMattersValidator : AbstractValidator<ListMatters>
{
    public ListMattersValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(0);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
        RuleFor(x => x.Search).MaximumLength(50);
        RuleFor(x => x.AssigneeId).MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Matters.Assignee"));
    }
}

public sealed class ListMattersHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMatters, MatterListPage>
{
    public async ValueTask<MatterListPage> Handle(ListMatters query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MatterList.ReadAsync(db, me, clock.GetUtcNow().UtcDateTime, query, query.Page * query.PageSize, query.PageSize, cancellationToken);
    }
}
