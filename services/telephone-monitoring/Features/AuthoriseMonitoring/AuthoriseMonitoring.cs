using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.TelephoneMonitoring.Authorisations;
using PublicProtectionHub.TelephoneMonitoring.Data;
using PublicProtectionHub.TelephoneMonitoring.Watchlist;

namespace PublicProtectionHub.TelephoneMonitoring.Features.AuthoriseMonitoring;

/// <summary>
/// <c>POST /api/telephone-monitoring/people/{identifier}/monitoring-authorisations</c>: the prison security department
/// records a Prison Rule 35A authorisation to monitor a prisoner's calls: purpose (one of the rule's), reason, who
/// authorised it, start, duration in days and review date. It ends at start + duration unless renewed before then.
/// </summary>
public static class AuthoriseMonitoring
{
    public const string Purpose = "record a Prison Rule 35A authorisation to monitor a prisoner's calls";
    public const int MaxDurationDays = 366;

    /// <param name="Purpose">One of national-security, prevention-of-crime, public-safety, prison-security-and-good-order, health-or-morals, rights-and-freedoms-of-others.</param>
    /// <param name="Reason">One of harassment, child-contact-restriction, public-protection-case, intelligence.</param>
    /// <param name="AuthorisedBy">The governor or manager who authorised it.</param>
    /// <param name="StartsAt">When monitoring may start.</param>
    /// <param name="DurationDays">How long it runs, 1 to 366 days.</param>
    /// <param name="ReviewDate">When it must be reviewed: on or after the start, before the end.</param>
    public sealed record AuthorisationRequest(
        string? Purpose, string? Reason, string? AuthorisedBy, DateTimeOffset? StartsAt, int? DurationDays, DateOnly? ReviewDate);

    public sealed record AuthorisationRecorded(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly ReviewDate);

    public static RouteGroupBuilder MapAuthoriseMonitoring(this RouteGroupBuilder api)
    {
        api.MapPost("/people/{identifier}/monitoring-authorisations", HandleAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Created<AuthorisationRecorded>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, AuthorisationRequest? request, HttpContext http, PersonAccess people, AuditLog audit,
        TelephoneMonitoringDbContext db, TimeProvider time)
    {
        if (PersonInScope.BadIdentifier(identifier) is { } bad) return bad;
        if (await PersonInScope.FindAsync(http, people, audit, identifier, Purpose, [HubRoles.PrisonSecurity]) is not { } person)
            return PersonNotFound.Problem();

        var errors = new Dictionary<string, string[]>();
        if (request?.Purpose is not { } purpose || !MonitoringPurposes.All.Contains(purpose))
            errors["purpose"] = [$"One of Prison Rule 35A's purposes: {string.Join(", ", MonitoringPurposes.All)}."];
        if (request?.Reason is not { } reason || !WatchReasons.All.Contains(reason)) errors["reason"] = [$"One of: {string.Join(", ", WatchReasons.All)}."];
        if (request?.AuthorisedBy is not { Length: > 0 and <= 200 }) errors["authorisedBy"] = ["Who authorised it: 1 to 200 characters."];
        if (request?.StartsAt is null) errors["startsAt"] = ["When monitoring may start."];
        if (request?.DurationDays is not (>= 1 and <= MaxDurationDays)) errors["durationDays"] = [$"From 1 to {MaxDurationDays} days."];
        if (person.NomsNumber is null) errors["identifier"] = ["Call monitoring is for prisoners: a person with a NOMS number."];
        if (errors.Count == 0 && ReviewDateProblem(request!.ReviewDate, request.StartsAt!.Value, request.StartsAt.Value.AddDays(request.DurationDays!.Value)) is { } review)
            errors["reviewDate"] = [review];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var starts = request!.StartsAt!.Value.ToUniversalTime();
        var authorisation = new MonitoringAuthorisation
        {
            Id = Guid.CreateVersion7(), PersonKey = person.NomsNumber!, EstablishmentCode = person.EstablishmentCode ?? "",
            Purpose = request.Purpose!, Reason = request.Reason!, AuthorisedBy = request.AuthorisedBy!.Trim(), StartsAt = starts,
            EndsAt = starts.AddDays(request.DurationDays!.Value), ReviewDate = request.ReviewDate!.Value, RecordedAt = time.GetUtcNow(),
        };
        db.Authorisations.Add(authorisation);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Collection, [person.PersonKey], Purpose), http.RequestAborted);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/people/{identifier}/monitoring-authorisations",
            new AuthorisationRecorded(authorisation.Id, authorisation.StartsAt, authorisation.EndsAt, authorisation.ReviewDate));
    }

    public static string? ReviewDateProblem(DateOnly? review, DateTimeOffset from, DateTimeOffset ends) =>
        review is not { } date ? "When the authorisation must be reviewed."
        : date < DateOnly.FromDateTime(from.UtcDateTime) || date >= DateOnly.FromDateTime(ends.UtcDateTime).AddDays(1)
            ? "On or after the start and no later than the end."
            : null;
}
