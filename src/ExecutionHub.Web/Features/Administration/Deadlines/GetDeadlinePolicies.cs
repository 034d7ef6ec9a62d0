using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>Every matter type's deadline policy, in the order of <see cref="MatterType"/>; types never edited show the defaults.</summary>
[Allowed(Roles.Administrator)]
public sealed record GetDeadlinePolicies : IQuery<IReadOnlyList<DeadlinePolicyRow>>;

/// <param name="IsDefault">No policy was saved for the type, so the built-in defaults apply.</param>
public sealed record DeadlinePolicyRow(
    MatterType MatterType,
    int FeedbackWindowHours,
    int DueSoonHours,
    int EscalationHours,
    int TaskSubDeadlineHours,
    ClockMode ClockMode,
    bool IsDefault);

public sealed class GetDeadlinePoliciesHandler(IDbContextFactory<AppDbContext> dbFactory)
    : IQueryHandler<GetDeadlinePolicies, IReadOnlyList<DeadlinePolicyRow>>
{
    public async ValueTask<IReadOnlyList<DeadlinePolicyRow>> Handle(GetDeadlinePolicies query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.DeadlinePolicies.AsNoTracking().ToDictionaryAsync(p => p.MatterType, cancellationToken);
        return Enum.GetValues<MatterType>()
            .Select(type =>
            {
                var isDefault = !stored.TryGetValue(type, out var policy);
                policy ??= DeadlinePolicy.Default(type);
                return new DeadlinePolicyRow(type, policy.FeedbackWindowHours, policy.DueSoonHours, policy.EscalationHours, policy.TaskSubDeadlineHours, policy.ClockMode, isDefault);
            })
            .ToList();
    }
}
