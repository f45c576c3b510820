using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.TelephoneMonitoring.Data;
using PublicProtectionHub.TelephoneMonitoring.Watchlist;

namespace PublicProtectionHub.TelephoneMonitoring.Features.RecordNumberOfConcern;

/// <summary>
/// <c>POST /api/telephone-monitoring/people/{identifier}/numbers-of-concern</c>: the prison security department puts a
/// number on a prisoner's watchlist with a reason and an expiry. The number is kept only as its keyed hashes (under
/// every key held), so calls to it raise alerts and screening blocks it until it expires.
/// </summary>
public static class RecordNumberOfConcern
{
    public const string Purpose = "watch a number of concern for a prisoner";
    public static readonly TimeSpan MaxTerm = TimeSpan.FromDays(366);

    /// <param name="Number">The number, in any usual format. Never returned.</param>
    /// <param name="Reason">One of harassment, child-contact-restriction, public-protection-case, intelligence.</param>
    /// <param name="ExpiresAt">When it stops being watched: in the future, within a year.</param>
    public sealed record NumberOfConcernRequest(string? Number, string? Reason, DateTimeOffset? ExpiresAt);

    public sealed record NumberOfConcernRecorded(Guid Id, string Reference, string Reason, DateTimeOffset ExpiresAt);

    public static RouteGroupBuilder MapRecordNumberOfConcern(this RouteGroupBuilder api)
    {
        api.MapPost("/people/{identifier}/numbers-of-concern", HandleAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Created<NumberOfConcernRecorded>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, NumberOfConcernRequest? request, HttpContext http, PersonAccess people, AuditLog audit,
        TelephoneMonitoringDbContext db, PhoneNumberHasher hasher, TimeProvider time)
    {
        if (PersonInScope.BadIdentifier(identifier) is { } bad) return bad;
        if (await PersonInScope.FindAsync(http, people, audit, identifier, Purpose, [HubRoles.PrisonSecurity]) is not { } person)
            return PersonNotFound.Problem();

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var hashes = hasher.HashUnderEveryKey(request?.Number);
        if (hashes.Count == 0) errors["number"] = ["A valid phone number, in any usual format."];
        if (request?.Reason is not { } reason || !WatchReasons.All.Contains(reason)) errors["reason"] = [$"One of: {string.Join(", ", WatchReasons.All)}."];
        if (request?.ExpiresAt is not { } expires || expires <= now || expires > now + MaxTerm)
            errors["expiresAt"] = ["An instant in the future, within a year."];
        if (person.NomsNumber is null) errors["identifier"] = ["Numbers of concern are for prisoners: a person with a NOMS number."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var concern = new NumberOfConcern
        {
            Id = Guid.CreateVersion7(), PersonKey = person.NomsNumber!, EstablishmentCode = person.EstablishmentCode ?? "",
            Reason = request!.Reason!, EnteredBy = Caller.From(http.User).Id, EnteredAt = now, ExpiresAt = request.ExpiresAt!.Value.ToUniversalTime(),
        };
        db.NumbersOfConcern.Add(concern);
        foreach (var hash in hashes)
            db.WatchedNumbers.Add(new WatchedNumber
            {
                PersonKey = concern.PersonKey, Hash = hash.Hash, KeyVersion = hash.KeyVersion, ConcernId = concern.Id,
                ChildContact = concern.Reason == WatchReasons.ChildContactRestriction, ActiveFrom = now, ActiveUntil = concern.ExpiresAt,
            });
        await audit.SaveAsync(http.AuditRecord(AuditAction.Collection, [person.PersonKey], Purpose), http.RequestAborted);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/people/{identifier}/numbers-of-concern/{concern.Id}",
            new NumberOfConcernRecorded(concern.Id, concern.Reference, concern.Reason, concern.ExpiresAt));
    }
}
