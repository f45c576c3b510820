using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring.Features.ListNumbersOfConcern;

/// <summary>
/// <c>GET /api/telephone-monitoring/people/{identifier}/numbers-of-concern</c>: the numbers the security department watches
/// for a prisoner, newest first: reference, reason, who entered it, when it expires and whether it is watched now.
/// Never the number, which is not held.
/// </summary>
public static class ListNumbersOfConcern
{
    public const string Purpose = "view the numbers of concern watched for a prisoner";

    public sealed record NumberOfConcernView(Guid Id, string Reference, string Reason, string EnteredBy, DateTimeOffset EnteredAt, DateTimeOffset ExpiresAt, bool Watched);

    public static RouteGroupBuilder MapListNumbersOfConcern(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{identifier}/numbers-of-concern", HandleAsync);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<NumberOfConcernView>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, HttpContext http, PersonAccess people, AuditLog audit, TelephoneMonitoringDbContext db, TimeProvider time)
    {
        if (PersonInScope.BadIdentifier(identifier) is { } bad) return bad;
        if (await PersonInScope.FindAsync(http, people, audit, identifier, Purpose, [HubRoles.PrisonSecurity]) is not { } person)
            return PersonNotFound.Problem();

        var now = time.GetUtcNow();
        var found = await db.NumbersOfConcern.AsNoTracking().Where(c => c.PersonKey == person.NomsNumber)
            .OrderByDescending(c => c.EnteredAt).ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [person.PersonKey], Purpose), http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<NumberOfConcernView>>(
            [.. found.Select(c => new NumberOfConcernView(c.Id, c.Reference, c.Reason, c.EnteredBy, c.EnteredAt, c.ExpiresAt, c.ExpiresAt > now))]);
    }
}
