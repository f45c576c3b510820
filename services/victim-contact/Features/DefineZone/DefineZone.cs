using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Features.DefineZone;

/// <summary>
/// <c>POST /api/victim-contact/cases/{caseId}/exclusion-zones</c>: the unit defines an exclusion zone for the case's
/// offender — a GeoJSON Polygon/MultiPolygon or a circle, windows in London time, validity. Publishes <c>ExclusionZoneDefined</c>.
/// </summary>
public static class DefineZone
{
    public const string Purpose = "define an exclusion zone and share it";

    public sealed record ZoneDefined(Guid Id, string Name);

    public static RouteGroupBuilder MapDefineZone(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/exclusion-zones", HandleAsync).WithSummary("Define an exclusion zone");
        return api;
    }

    public static async Task<Results<Created<ZoneDefined>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, ZoneRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        var (shape, windows, errors) = request.Validate(await db.ApprovedAddressOfAsync(found.Person, http.RequestAborted));
        if (!found.IsOpen) errors["caseId"] = ["The case is closed."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = time.GetUtcNow();
        var zone = new ExclusionZone
        {
            Id = Guid.CreateVersion7(), CaseId = found.Id, NomsNumber = found.NomsNumber, Crn = found.Crn, OrderReference = request.OrderReference?.Trim(),
            Name = request.Name!.Trim(), Shape = shape!, Windows = windows, ValidFrom = request.ValidFrom!.Value, ValidUntil = request.ValidUntil,
            DefinedAt = now,
        };
        db.Zones.Add(zone);
        db.Defined(zone, now);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Collection, [CaseAccess.Record(found.Id), $"zone:{zone.Id}"], Purpose), http.RequestAborted);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/cases/{found.Id}/exclusion-zones/{zone.Id}", new ZoneDefined(zone.Id, zone.Name));
    }
}
