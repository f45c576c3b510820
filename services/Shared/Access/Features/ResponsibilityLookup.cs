using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PublicProtectionHub.Audit;

namespace PublicProtectionHub.Access.Features;

/// <summary>
/// <c>GET /people/{identifier}/responsibility</c>: who is responsible for a person, as this service
/// knows it. Identity, location and responsibilities are visible to every practitioner role that
/// is responsible for the person (ACCESS.md).
/// </summary>
public static class ResponsibilityLookup
{
    public const string Purpose = "check who is responsible for a person";

    public sealed record ResponsibilityView(
        string? NomsNumber, string? Crn, string? EstablishmentCode, bool InCommunity, string? OffenderSupervisor,
        string? OffenderManager, string? ProbationDeliveryUnit, string? PoliceForce, IReadOnlyList<string> VictimLiaisonUnits,
        string? MappaArea, DateTimeOffset ChangedAt);

    public static RouteGroupBuilder MapResponsibilityLookup(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{identifier}/responsibility", HandleAsync);
        return api;
    }

    public static async Task<Results<Ok<ResponsibilityView>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string identifier, HttpContext http, PersonAccess people, AuditLog audit)
    {
        if (!PersonIdentifier.IsValid(identifier))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["identifier"] = ["The identifier must be a NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."],
            });

        var person = await people.FindAsync(http, identifier, Purpose);
        if (person is null) return PersonNotFound.Problem();

        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [person.PersonKey], Purpose), http.RequestAborted);
        return TypedResults.Ok(new ResponsibilityView(
            person.NomsNumber, person.Crn, person.EstablishmentCode, person.InCommunity, person.OffenderSupervisor,
            person.OffenderManager, person.ProbationDeliveryUnit, person.PoliceForce, person.VictimLiaisonUnits,
            person.MappaArea, person.ChangedAt));
    }
}
