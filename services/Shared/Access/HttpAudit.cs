using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PublicProtectionHub.Audit;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Access;

public static class HttpAudit
{
    public const string JustificationHeader = "X-Justification";
    public const int MaxJustificationLength = 300;

    /// <summary>The caller's justification (header <c>X-Justification</c>), if they gave a usable one.</summary>
    public static string? Justification(this HttpContext http) =>
        http.Request.Headers[JustificationHeader].ToString() is { Length: > 0 and <= MaxJustificationLength } given
            ? given.Trim()
            : null;

    /// <summary>An audit record for this request: its caller, correlation id and justification (else the declared purpose).</summary>
    public static AuditRecord AuditRecord(
        this HttpContext http, AuditAction action, IReadOnlyList<string> records, string purpose,
        AuditOutcome outcome = AuditOutcome.Succeeded, IReadOnlyList<string>? recipients = null) =>
        new(http.User.ToAuditActor(), action, Operation(http), records, http.Justification() ?? purpose, outcome, recipients, http.CorrelationId());

    private static string Operation(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint route
            ? $"{http.Request.Method} {route.RoutePattern.RawText}"
            : $"{http.Request.Method} {http.GetEndpoint()?.DisplayName ?? "unknown"}";
}
