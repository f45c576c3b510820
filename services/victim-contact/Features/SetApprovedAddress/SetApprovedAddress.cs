using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Features.SetApprovedAddress;

/// <summary>
/// <c>POST /api/victim-contact/people/{identifier}/approved-address</c>: the offender manager gives the offender's approved
/// address as a point (<c>latitude</c>, <c>longitude</c>), so that no exclusion zone is drawn around it.
/// </summary>
public static class SetApprovedAddress
{
    public const string Purpose = "record the offender's approved address for exclusion zone checks";

    public sealed record ApprovedAddressRequest(double? Latitude, double? Longitude);

    public static RouteGroupBuilder MapSetApprovedAddress(this RouteGroupBuilder api)
    {
        api.MapPost("/people/{identifier}/approved-address", HandleAsync).WithSummary("The offender's approved address (offender manager)");
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, ApprovedAddressRequest request, HttpContext http, PersonAccess people, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        var caller = Caller.From(http.User);
        if (caller.Role != HubRoles.OffenderManager)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Offender managers only.",
                detail: "The offender's approved address is given by their offender manager.");
        if (!PersonIdentifier.IsValid(identifier))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["identifier"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."] });
        if (await people.FindAsync(http, identifier, Purpose) is not { } person) return PersonNotFound.Problem();
        if (request.Latitude is not { } lat || request.Longitude is not { } lon || !ZoneShapes.InUk(lat, lon))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["latitude"] = ["A latitude and longitude in the United Kingdom."] });

        var key = new Contracts.PersonReference(person.NomsNumber, person.Crn).StreamKey;
        var address = await db.ApprovedAddresses.FirstOrDefaultAsync(a => a.PersonKey == key, http.RequestAborted);
        var point = ZoneShapes.PointAt(lat, lon);
        if (address is null) db.ApprovedAddresses.Add(new ApprovedAddress { PersonKey = key, Location = point, GivenBy = caller.Id, GivenAt = time.GetUtcNow() });
        else
        {
            address.Location = point;
            address.GivenBy = caller.Id;
            address.GivenAt = time.GetUtcNow();
        }

        await audit.SaveAsync(http.AuditRecord(address is null ? AuditAction.Collection : AuditAction.Alteration, [person.PersonKey], Purpose),
            http.RequestAborted);
        return TypedResults.NoContent();
    }
}
