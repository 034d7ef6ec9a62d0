using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Messaging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Messages;

/// <summary>One page of outbox messages, newest first, optionally of one status; recipients masked.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListOutbox([property: FieldLabel("Admin.Users.Status")] OutboxStatus? Status = null, int Page = 0, int PageSize = 25) : IQuery<OutboxListPage>;

public sealed record OutboxListPage(IReadOnlyList<OutboxRow> Items, int TotalItems);

/// <param name="Recipient">Masked when it is a phone number.</param>
public sealed record OutboxRow(
    long Id,
    string Key,
    string Channel,
    string Recipient,
    OutboxStatus Status,
    int Attempts,
    DateTime CreatedAtUtc,
    DateTime NextAttemptAtUtc,
    DateTime? SentAtUtc,
    string? LastError);

public sealed class ListOutboxValidator : AbstractValidator<ListOutbox>
{
    public ListOutboxValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(0);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100);
    }
}

public sealed class ListOutboxHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<ListOutbox, OutboxListPage>
{
    public async ValueTask<OutboxListPage> Handle(ListOutbox query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var messages = db.Outbox.AsNoTracking();
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        var total = await messages.CountAsync(cancellationToken);
        var rows = await messages.OrderByDescending(m => m.Id)
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .Select(m => new OutboxRow(m.Id, m.Key, m.Channel, m.Recipient, m.Status, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.SentAtUtc, m.LastError))
            .ToListAsync(cancellationToken);
        return new OutboxListPage(rows.Select(r => r with { Recipient = OutboxRecipient.Masked(r.Recipient) }).ToList(), total);
    }
}
