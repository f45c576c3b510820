using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.TelephoneMonitoring.Authorisations;
using PublicProtectionHub.TelephoneMonitoring.Data;
using PublicProtectionHub.TelephoneMonitoring.Features.AuthoriseMonitoring;

namespace PublicProtectionHub.TelephoneMonitoring.Features.RenewMonitoringAuthorisation;

/// <summary>
/// <c>POST /api/telephone-monitoring/people/{identifier}/monitoring-authorisations/{authorisationId}/renewals</c>: a renewal,
/// recorded before the authorisation ends, runs it on for another period from its current end with a new review date.
/// One that has ended cannot be renewed (409): monitoring needs a new authorisation.
/// </summary>
public static class RenewMonitoringAuthorisation
{
    public const string Purpose = "renew a Prison Rule 35A monitoring authorisation";

    public sealed record RenewalRequest(int? DurationDays, DateOnly? ReviewDate);

    public sealed record AuthorisationRenewed(Guid Id, DateTimeOffset EndsAt, DateOnly ReviewDate, int Renewals);

    public static RouteGroupBuilder MapRenewMonitoringAuthorisation(this RouteGroupBuilder api)
    {
        api.MapPost("/people/{identifier}/monitoring-authorisations/{authorisationId}/renewals", HandleAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Ok<AuthorisationRenewed>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, string authorisationId, RenewalRequest? request, HttpContext http, PersonAccess people, AuditLog audit,
        TelephoneMonitoringDbContext db, TimeProvider time)
    {
        if (PersonInScope.BadIdentifier(identifier) is { } bad) return bad;
        if (await PersonInScope.FindAsync(http, people, audit, identifier, Purpose, [HubRoles.PrisonSecurity]) is not { } person)
            return PersonNotFound.Problem();

        var authorisation = Guid.TryParse(authorisationId, out var id)
            ? await db.Authorisations.Include(a => a.Renewals).FirstOrDefaultAsync(a => a.Id == id && a.PersonKey == person.NomsNumber, http.RequestAborted)
            : null;
        if (authorisation is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such authorisation.",
                detail: "This person has no monitoring authorisation with that id.");

        var now = time.GetUtcNow();
        if (authorisation.EndsAt <= now)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The authorisation has ended.",
                detail: "An authorisation cannot be renewed after its end: record a new one.");

        var errors = new Dictionary<string, string[]>();
        if (request?.DurationDays is not (>= 1 and <= AuthoriseMonitoring.AuthoriseMonitoring.MaxDurationDays))
            errors["durationDays"] = [$"From 1 to {AuthoriseMonitoring.AuthoriseMonitoring.MaxDurationDays} days."];
        var ends = authorisation.EndsAt.AddDays(request?.DurationDays ?? 0);
        if (errors.Count == 0 && AuthoriseMonitoring.AuthoriseMonitoring.ReviewDateProblem(request!.ReviewDate, now, ends) is { } review)
            errors["reviewDate"] = [review];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // Added to the context, not the collection: a new child with its key set would be taken for an existing row
        // (and the context puts it in the loaded collection itself).
        var renewals = authorisation.Renewals.Count + 1;
        var renewal = new MonitoringAuthorisationRenewal
        {
            Id = Guid.CreateVersion7(), AuthorisationId = authorisation.Id, RenewedBy = Caller.From(http.User).Id, RenewedAt = now,
            PreviousEndsAt = authorisation.EndsAt, EndsAt = ends, ReviewDate = request!.ReviewDate!.Value,
        };
        db.Add(renewal);
        authorisation.EndsAt = ends;
        authorisation.ReviewDate = request.ReviewDate!.Value;
        authorisation.EndNotified = false;
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [person.PersonKey], Purpose), http.RequestAborted);
        return TypedResults.Ok(new AuthorisationRenewed(authorisation.Id, authorisation.EndsAt, authorisation.ReviewDate, renewals));
    }
}
