namespace ExecutionHub.Web.Data;

/// <summary>An audited act: an administrative change or a view of unmasked personal data.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string Detail { get; set; } = "";
}
