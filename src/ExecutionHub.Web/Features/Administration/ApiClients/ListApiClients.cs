using System.Linq.Expressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

/// <summary>Every API client, active first, with what identifies its key (never the key).</summary>
[Allowed(Roles.Administrator)]
public sealed record ListApiClients : IQuery<IReadOnlyList<ApiClientRow>>;

public sealed record ApiClientRow(
    int Id,
    string Name,
    int CourtId,
    string CourtName,
    IReadOnlyList<string> Scopes,
    string KeyPrefix,
    DateTime CreatedAtUtc,
    DateTime? KeyRotatedAtUtc,
    DateTime? LastUsedAtUtc,
    DateTime? RevokedAtUtc)
{
    /// <summary>The row as both the list and one client's page read it, projected in SQL.</summary>
    public static readonly Expression<Func<ApiClient, ApiClientRow>> Of = c =>
        new ApiClientRow(c.Id, c.Name, c.CourtId, c.Court!.Name, c.Scopes, c.KeyPrefix, c.CreatedAtUtc, c.KeyRotatedAtUtc, c.LastUsedAtUtc, c.RevokedAtUtc);
}

public sealed class ListApiClientsHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<ListApiClients, IReadOnlyList<ApiClientRow>>
{
    public async ValueTask<IReadOnlyList<ApiClientRow>> Handle(ListApiClients query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiClients.AsNoTracking()
            .Select(ApiClientRow.Of)
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.RevokedAtUtc is not null).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}

/// <summary>One client with its latest calls, newest first.</summary>
[Allowed(Roles.Administrator)]
public sealed record GetApiClient(int ClientId, int Page = 0, int PageSize = 50) : IQuery<ApiClientDetail>;

public sealed record ApiCallRow(long Id, DateTime AtUtc, string Method, string Path, int StatusCode, int DurationMs);

public sealed record ApiClientDetail(ApiClientRow Client, IReadOnlyList<ApiCallRow> Calls, int TotalCalls);

public sealed class GetApiClientHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetApiClient, ApiClientDetail>
{
    public async ValueTask<ApiClientDetail> Handle(GetApiClient query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.ApiClients.AsNoTracking().Where(c => c.Id == query.ClientId)
            .Select(ApiClientRow.Of)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"ApiClient {query.ClientId}");
        var calls = db.ApiCalls.AsNoTracking().Where(c => c.ApiClientId == query.ClientId);
        var total = await calls.CountAsync(cancellationToken);
        var page = await calls.OrderByDescending(c => c.Id)
            .Skip(Math.Max(0, query.Page) * Math.Clamp(query.PageSize, 1, 200)).Take(Math.Clamp(query.PageSize, 1, 200))
            .Select(c => new ApiCallRow(c.Id, c.AtUtc, c.Method, c.Path, c.StatusCode, c.DurationMs))
            .ToListAsync(cancellationToken);
        return new ApiClientDetail(client, page, total);
    }
}

/// <summary>The courts a client may be registered for.</summary>
[Allowed(Roles.Administrator)]
public sealed record GetApiClientCourts : IQuery<IReadOnlyList<CourtOption>>;

public sealed record CourtOption(int Id, string Name);

public sealed class GetApiClientCourtsHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetApiClientCourts, IReadOnlyList<CourtOption>>
{
    public async ValueTask<IReadOnlyList<CourtOption>> Handle(GetApiClientCourts query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Courts.AsNoTracking().OrderBy(c => c.Name).Select(c => new CourtOption(c.Id, c.Name)).ToListAsync(cancellationToken);
    }
}
