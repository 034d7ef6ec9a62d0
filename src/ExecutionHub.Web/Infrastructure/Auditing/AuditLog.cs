using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;

namespace ExecutionHub.Web.Infrastructure.Auditing;

/// <summary>Adds an audit line to the unit of work, so it is saved (or not) with the change it records.</summary>
public static class AuditLog
{
    public static void AddAudit(this AppDbContext db, UserContext actor, TimeProvider clock, string action, string subject, string detail = "") =>
        db.Audit.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = actor.Id,
            UserName = actor.Name,
            Action = action,
            Subject = subject,
            Detail = detail,
        });
}
