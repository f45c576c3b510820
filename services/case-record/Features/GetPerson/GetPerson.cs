using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Access.Features;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Register;

namespace PublicProtectionHub.CaseRecord.Features.GetPerson;

/// <summary><c>GET /api/case-record/people/{identifier}</c>: the person, their flags and who is responsible for them.</summary>
public static class GetPerson
{
    public const string Purpose = "view a person's record and responsibilities";

    public sealed record PersonView(
        string? NomsNumber, string? Crn, string? PncId, string GivenName, string FamilyName, DateOnly? DateOfBirth,
        PersonFlags Flags, int? MappaCategory, int? MappaLevel, IReadOnlyList<string> RiskRegistrations, Responsibilities Responsibilities);

    public static RouteGroupBuilder MapGetPerson(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{identifier}", HandleAsync);
        return api;
    }

    public static async Task<Results<Ok<PersonView>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string identifier, HttpContext http, PersonAccess access, CaseRecordDbContext db, AuditLog audit)
    {
        if (!PersonIdentifier.IsValid(identifier))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["identifier"] = ["The identifier must be a NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."],
            });

        if (await access.FindAsync(http, identifier, Purpose) is not { } responsible) return PersonNotFound.Problem();
        var person = await db.People.AsNoTracking()
            .Named(responsible.NomsNumber, responsible.Crn).FirstOrDefaultAsync(http.RequestAborted);
        if (person is null) return PersonNotFound.Problem();

        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [person.Key], Purpose), http.RequestAborted);
        return TypedResults.Ok(new PersonView(
            person.NomsNumber, person.Crn, person.PncId, person.GivenName, person.FamilyName, person.DateOfBirth,
            person.Flags, person.MappaCategory, person.MappaLevel, person.RiskRegistrations, person.Responsibilities));
    }
}
