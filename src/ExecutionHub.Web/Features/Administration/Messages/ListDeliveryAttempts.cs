using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Messages;

/// <summary>The delivery log of one outbox message, oldest attempt first.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListDeliveryAttempts(long MessageId) : IQuery<IReadOnlyList<DeliveryAttemptRow>>;

public sealed record DeliveryAttemptRow(DateTime AtUtc, bool Succeeded, string? Error);

public sealed class ListDeliveryAttemptsHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<ListDeliveryAttempts, IReadOnlyList<DeliveryAttemptRow>>
{
    public async ValueTask<IReadOnlyList<DeliveryAttemptRow>> Handle(ListDeliveryAttempts query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DeliveryAttempts.AsNoTracking()
            .Where(a => a.MessageId == query.MessageId)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new DeliveryAttemptRow(a.AtUtc, a.Succeeded, a.Error))
            .ToListAsync(cancellationToken);
    }
}
