namespace PublicProtectionHub.Audit;

/// <summary>Who acted, as the audit log names them.</summary>
public sealed record AuditActor(string Subject, string Role, string Agency, string? ClientId)
{
    public static readonly AuditActor System = new("system", "service", "public-protection-hub", null);
}

/// <summary>What a handler asks the audit log to record.</summary>
/// <param name="Operation">The endpoint or job, e.g. <c>GET /api/case-record/people/{identifier}</c>.</param>
/// <param name="Justification">The caller's stated justification, else the operation's declared purpose.</param>
public sealed record AuditRecord(
    AuditActor Actor,
    AuditAction Action,
    string Operation,
    IReadOnlyList<string> Records,
    string Justification,
    AuditOutcome Outcome = AuditOutcome.Succeeded,
    IReadOnlyList<string>? Recipients = null,
    string? CorrelationId = null);
