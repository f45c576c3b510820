namespace PublicProtectionHub.Audit;

/// <summary>
/// One logged processing operation. Records are named by id, never by content. Each entry carries
/// the hash of the one before it in its chain, so a removed or altered entry breaks that chain.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public short Chain { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Subject { get; set; }
    public required string Role { get; set; }
    public required string Agency { get; set; }
    public string? ClientId { get; set; }
    public AuditAction Action { get; set; }
    public List<string> Records { get; set; } = [];
    public required string Justification { get; set; }
    public List<string> Recipients { get; set; } = [];
    public string? CorrelationId { get; set; }
    public AuditOutcome Outcome { get; set; }
    public required string Operation { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
