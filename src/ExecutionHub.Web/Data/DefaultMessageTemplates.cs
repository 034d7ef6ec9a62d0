using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Data;

/// <summary>Gives every milestone kind its built-in template on start-up, once; an administrator's edits are never overwritten.</summary>
public static class DefaultMessageTemplates
{
    public static async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var present = await db.MessageTemplates.Select(t => t.Kind).ToListAsync(cancellationToken);
        var missing = Enum.GetValues<MilestoneKind>().Except(present).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.MessageTemplates.AddRange(missing.Select(kind => new MessageTemplate { Kind = kind, Body = MilestoneRules.DefaultTemplate(kind) }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
