using ExecutionHub.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>How long the API's own records are kept (<c>Retention:*</c>).</summary>
public sealed class RetentionSettings
{
    public const string Section = "Retention";

    /// <summary>Days a call-log row is kept; the client's page shows this long a history.</summary>
    public int ApiCallLogDays { get; set; } = 90;

    /// <summary>Hours an <c>Idempotency-Key</c> is remembered: a retry within them is answered from the first answer.</summary>
    public int IdempotencyHours { get; set; } = 48;
}

/// <summary>
/// Daily: deletes call-log rows and idempotency keys older than their retention, a batch at a time so no
/// transaction holds the database long. What it deletes is decided by age alone, so a second run, or two
/// overlapping runs, delete nothing more than one would.
/// </summary>
public sealed class ApiRecordsRetention(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IConfiguration configuration, ILogger<ApiRecordsRetention> logger)
{
    public const string JobId = "api-records-retention";
    public const int BatchSize = 1000;

    [JobDisplayName("API records retention (call log, idempotency keys)")]
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = configuration.GetSection(RetentionSettings.Section).Get<RetentionSettings>() ?? new RetentionSettings();
        var now = clock.GetUtcNow().UtcDateTime;
        var callsBefore = now.AddDays(-Math.Max(1, settings.ApiCallLogDays));
        var keysBefore = now.AddHours(-Math.Max(1, settings.IdempotencyHours));

        // Oldest first by id (ids grow with time), so each batch's scan stops as soon as it has its rows.
        var calls = await DeleteInBatchesAsync(db => db.ApiCalls.Where(c => c.AtUtc < callsBefore).OrderBy(c => c.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        var keys = await DeleteInBatchesAsync(db => db.IdempotentRequests.Where(r => r.CreatedAtUtc < keysBefore).OrderBy(r => r.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        logger.LogInformation("Deleted {Calls} API call-log rows before {CallsBefore:o} and {Keys} idempotency keys before {KeysBefore:o}", calls, callsBefore, keys, keysBefore);
    }

    private async Task<int> DeleteInBatchesAsync(Func<AppDbContext, Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            deleted = await deleteBatch(db);
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }
}
