using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Features.ListZones;

/// <summary><c>GET /api/victim-contact/people/{identifier}/exclusion-zones</c>: a person's zones (shape, windows, validity) for every practitioner responsible for them.</summary>
public static class ListZones
{
    public const string Purpose = "see the exclusion zones a person is subject to";

    public sealed record ZoneView(
        Guid Id, string Name, string? OrderReference, System.Text.Json.JsonElement GeoJson, IReadOnlyList<ExclusionZoneWindow> Windows,
        DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RevokedAt);

    public static RouteGroupBuilder MapListZones(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{identifier}/exclusion-zones", HandleAsync).WithSummary("A person's exclusion zones");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<ZoneView>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, HttpContext http, PersonAccess people, VictimContactDbContext db, AuditLog audit)
    {
        if (!PersonIdentifier.IsValid(identifier))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["identifier"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."] });
        if (await people.FindAsync(http, identifier, Purpose) is not { } person) return PersonNotFound.Problem();
        var zones = await db.ZonesOf(person).AsNoTracking().OrderByDescending(z => z.DefinedAt).ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [person.PersonKey, .. zones.Select(z => $"zone:{z.Id}")], Purpose),
            http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<ZoneView>>([.. zones.Select(z => new ZoneView(
            z.Id, z.Name, z.OrderReference, System.Text.Json.JsonDocument.Parse(ZoneShapes.ToGeoJson(z.Shape)).RootElement, z.Windows,
            z.ValidFrom, z.ValidUntil, z.RevokedAt))]);
    }
}
