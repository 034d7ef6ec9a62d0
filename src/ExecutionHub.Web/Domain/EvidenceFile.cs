namespace ExecutionHub.Web.Domain;

/// <summary>
/// A photo or PDF attached to a finding. The bytes live outside wwwroot under <see cref="StorageKey"/>;
/// the SHA-256 recorded at upload lets anyone check the file was not altered since.
/// </summary>
public sealed class EvidenceFile
{
    public int Id { get; set; }
    public int MatterId { get; set; }
    public int TaskId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public required string UploadedById { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}
