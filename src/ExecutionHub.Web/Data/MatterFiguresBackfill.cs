using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Data;

/// <summary>
/// Fills the dashboard columns (local days, feedback cycle, on time) of matters saved before those
/// columns existed, from what their rows already hold. Runs at start-up only when the migration that
/// added the columns has just been applied, so later starts do not scan the matters for it.
/// </summary>
public static class MatterFiguresBackfill
{
    public static bool IsItsMigration(string migrationId) => migrationId.EndsWith("_DashboardFigures", StringComparison.Ordinal);

    private const int Batch = 500;

    public static async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var matters = await db.Matters
                .Where(m => m.ReceivedOn == 0 || (m.FirstFedBackAtUtc != null && m.FeedbackCycleSeconds == null))
                .OrderBy(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
            if (matters.Count == 0)
            {
                return;
            }

            foreach (var matter in matters)
            {
                matter.ReceivedAtUtc = matter.ReceivedAtUtc;
                if (matter.FirstFedBackAtUtc is { } first && matter.FeedbackCycleSeconds is null)
                {
                    matter.RecordFirstFeedback(first, matter.PausedSecondsAtFirstFeedback);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
