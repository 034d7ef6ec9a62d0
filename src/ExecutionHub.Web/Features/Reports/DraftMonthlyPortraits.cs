using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Infrastructure.Notifications;
using ExecutionHub.Web.Infrastructure.Time;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>
/// On the 1st of each month (Shanghai time) drafts every street's portrait of the month before and
/// tells the street's coordinators through the bell. Safe to re-run: a street whose draft exists is
/// skipped, and the unique (street, kind, period) key refuses a second one even if two runs race; the
/// notifications are saved with their draft, so they go out exactly once too.
/// </summary>
public sealed class DraftMonthlyPortraits(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, INotificationSignal signal, ILogger<DraftMonthlyPortraits> logger)
{
    public const string JobId = "draft-monthly-portraits";
    public const string NotificationKey = "Notification.ReportDrafted";

    /// <returns>How many drafts this run made.</returns>
    [JobDisplayName("Draft each street's monthly portrait")]
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var month = StatisticsMonth(ChinaTime.Today(clock));
        List<int> streets;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            streets = await db.Streets.Where(s => !db.Reports.Any(r => r.StreetId == s.Id && r.Kind == ReportKind.MonthlyPortrait && r.PeriodStart == month))
                .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        }

        var drafted = 0;
        foreach (var streetId in streets)
        {
            if (await DraftAsync(streetId, month, cancellationToken))
            {
                drafted++;
            }
        }

        if (drafted > 0)
        {
            logger.LogInformation("Drafted {Count} monthly portraits for {Month}", drafted, month);
        }

        return drafted;
    }

    /// <summary>The month before today's.</summary>
    public static DateOnly StatisticsMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    private async Task<bool> DraftAsync(int streetId, DateOnly month, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await ReportDrafts.DraftAsync(db, streetId, ReportKind.MonthlyPortrait, month, clock, byId: null, cancellationToken);
        var coordinators = await AlertRecipients.CoordinatorsAsync(db, streetId, cancellationToken);
        var street = await db.Streets.Where(s => s.Id == streetId).Select(s => s.Name).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        // The draft and its notifications commit together: the notifications link to the draft, so it is saved first inside the transaction.
        await using var transaction = await AppDatabase.BeginWriteAsync(db, cancellationToken);
        try
        {
            // Asked inside the write lock: a draft saved meanwhile stands without a failed insert logged as an error.
            if (await db.Reports.AnyAsync(r => r.StreetId == streetId && r.Kind == ReportKind.MonthlyPortrait && r.PeriodStart == month, cancellationToken))
            {
                logger.LogDebug("Monthly portrait of street {StreetId} for {Month} already drafted", streetId, month);
                return false;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.Notifications.AddRange(coordinators.Select(coordinator => new Notification
            {
                RecipientId = coordinator,
                TitleKey = NotificationKey,
                Subject = $"{street} {month:yyyy-MM}",
                Link = $"/reports/{report.Id}",
                CreatedAtUtc = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another run (or a coordinator) drafted it meanwhile: theirs stands, and so do their notifications.
            logger.LogDebug(ex, "Monthly portrait of street {StreetId} for {Month} already drafted", streetId, month);
            return false;
        }

        signal.Raise(coordinators);
        logger.LogDebug("Drafted report {ReportId}", report.Id);
        return true;
    }
}
