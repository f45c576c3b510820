using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Features.RevokeZone;

/// <summary><c>POST /api/victim-contact/cases/{caseId}/exclusion-zones/{zoneId}/revoke</c>: the zone stops; <c>ExclusionZoneRevoked</c>.</summary>
public static class RevokeZone
{
    public const string Purpose = "revoke an exclusion zone";

    public static RouteGroupBuilder MapRevokeZone(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/exclusion-zones/{zoneId}/revoke", HandleAsync).WithSummary("Revoke an exclusion zone");
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid zoneId, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        if (await db.Zones.FirstOrDefaultAsync(z => z.Id == zoneId && z.CaseId == found.Id, http.RequestAborted) is not { } zone)
            return CaseAccess.NotFound("exclusion zone");
        if (zone.RevokedAt is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["zoneId"] = ["The zone is already revoked."] });

        var now = time.GetUtcNow();
        zone.RevokedAt = now;
        db.Revoked(zone, now);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), $"zone:{zone.Id}"], Purpose), http.RequestAborted);
        return TypedResults.NoContent();
    }
}
