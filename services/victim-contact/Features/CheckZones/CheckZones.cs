using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Features.CheckZones;

/// <summary>
/// <c>POST /api/victim-contact/exclusion-zones/check</c> with <c>person</c>, <c>latitude</c>, <c>longitude</c> and <c>at</c>:
/// whether the person there and then is inside an active zone outside its windows, and which zones.
/// </summary>
public static class CheckZones
{
    public const string Purpose = "check a person's location against their exclusion zones";

    public sealed record CheckRequest(string? Person, double? Latitude, double? Longitude, DateTimeOffset? At);

    public sealed record ZoneHit(Guid ZoneId, string Name, string? OrderReference);

    public sealed record CheckResult(bool InBreach, IReadOnlyList<ZoneHit> Zones);

    public static RouteGroupBuilder MapCheckZones(this RouteGroupBuilder api)
    {
        api.MapPost("/exclusion-zones/check", HandleAsync).WithSummary("Is a person at a point and instant inside an active zone outside its windows?");
        return api;
    }

    public static async Task<Results<Ok<CheckResult>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CheckRequest request, HttpContext http, PersonAccess people, VictimContactDbContext db, AuditLog audit)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PersonIdentifier.IsValid(request.Person)) errors["person"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."];
        if (request.Latitude is not { } lat || request.Longitude is not { } lon || !double.IsFinite(lat) || !double.IsFinite(lon)
            || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
            errors["latitude"] = ["A latitude and a longitude (WGS 84)."];
        if (request.At is null) errors["at"] = ["Required: the instant of the position."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await people.FindAsync(http, request.Person!, Purpose) is not { } person) return PersonNotFound.Problem();

        var breached = await db.ZonesOf(person).BreachedAsync(ZoneShapes.PointAt(request.Latitude!.Value, request.Longitude!.Value), request.At!.Value,
            http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Combination, [person.PersonKey, .. breached.Select(z => $"zone:{z.Id}")], Purpose),
            http.RequestAborted);
        return TypedResults.Ok(new CheckResult(breached.Count > 0, [.. breached.Select(z => new ZoneHit(z.Id, z.Name, z.OrderReference))]));
    }
}
