using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Features.VaryZone;

/// <summary><c>PUT /api/victim-contact/cases/{caseId}/exclusion-zones/{zoneId}</c>: the zone's whole new shape, windows and validity; <c>ExclusionZoneVaried</c>.</summary>
public static class VaryZone
{
    public const string Purpose = "vary an exclusion zone";

    public static RouteGroupBuilder MapVaryZone(this RouteGroupBuilder api)
    {
        api.MapPut("/cases/{caseId}/exclusion-zones/{zoneId}", HandleAsync).WithSummary("Vary an exclusion zone");
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid zoneId, ZoneRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        if (await db.Zones.FirstOrDefaultAsync(z => z.Id == zoneId && z.CaseId == found.Id, http.RequestAborted) is not { } zone)
            return CaseAccess.NotFound("exclusion zone");
        var (shape, windows, errors) = request.Validate(await db.ApprovedAddressOfAsync(found.Person, http.RequestAborted));
        if (zone.RevokedAt is not null) errors["zoneId"] = ["The zone is revoked."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = time.GetUtcNow();
        zone.Name = request.Name!.Trim();
        zone.OrderReference = request.OrderReference?.Trim();
        zone.Shape = shape!;
        zone.Windows = windows;
        zone.ValidFrom = request.ValidFrom!.Value;
        zone.ValidUntil = request.ValidUntil;
        db.Varied(zone, now);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), $"zone:{zone.Id}"], Purpose), http.RequestAborted);
        return TypedResults.NoContent();
    }
}
