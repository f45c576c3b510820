using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Features.ReportBreach;

/// <summary>
/// <c>POST /api/victim-contact/exclusion-zones/{zoneId}/breaches</c>: a practitioner responsible for the person reports them
/// at a point and instant. If that is inside the zone outside its windows, the breach is recorded and
/// <c>ExclusionZoneBreached</c> published (no location), which case-record pushes to the allocated VLO as high priority.
/// </summary>
public static class ReportBreach
{
    public const string Purpose = "report an exclusion zone breach so the victim can be warned";

    public sealed record BreachRequest(double? Latitude, double? Longitude, DateTimeOffset? OccurredAt);

    public sealed record BreachRecorded(Guid Id, Guid ZoneId, Guid CaseId);

    public static RouteGroupBuilder MapReportBreach(this RouteGroupBuilder api)
    {
        api.MapPost("/exclusion-zones/{zoneId}/breaches", HandleAsync).WithSummary("Report a breach of an exclusion zone");
        return api;
    }

    public static async Task<Results<Created<BreachRecorded>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid zoneId, BreachRequest request, HttpContext http, PersonAccess people, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        var ct = http.RequestAborted;
        var zone = await db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == zoneId, ct);
        // The zone's person decides who may report on it; a zone of someone else's is not found either way.
        if (zone is null || await people.FindAsync(http, zone.NomsNumber ?? zone.Crn!, Purpose) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such exclusion zone.",
                detail: "There is no exclusion zone with that id about a person you are responsible for.");
        if (request.Latitude is not { } lat || request.Longitude is not { } lon || !double.IsFinite(lat) || !double.IsFinite(lon)
            || Math.Abs(lat) > 90 || Math.Abs(lon) > 180 || request.OccurredAt is not { } at || at > time.GetUtcNow().AddMinutes(5))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["position"] = ["A latitude, a longitude and an instant not in the future."] });

        var point = ZoneShapes.PointAt(lat, lon);
        if ((await db.Zones.Where(z => z.Id == zone.Id).BreachedAsync(point, at, ct)).Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["position"] = ["That is not a breach: not inside the zone while it is active, or inside one of its windows."],
            });

        var breach = new ZoneBreach
        {
            Id = Guid.CreateVersion7(), ZoneId = zone.Id, CaseId = zone.CaseId, OccurredAt = at, Location = point,
            ReportedBy = Caller.From(http.User).Id, ReportedAt = time.GetUtcNow(),
        };
        db.Breaches.Add(breach);
        db.Breached(zone, breach);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Collection, [zone.NomsNumber ?? zone.Crn!, $"zone:{zone.Id}", $"breach:{breach.Id}"], Purpose), ct);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/exclusion-zones/{zone.Id}/breaches/{breach.Id}",
            new BreachRecorded(breach.Id, zone.Id, zone.CaseId));
    }
}
