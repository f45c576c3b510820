using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring.Features.TraceNumber;

/// <summary>
/// <c>GET /api/telephone-monitoring/numbers/{number}/links</c>, for the police and prison security: which people within
/// the caller's responsibility have called the number, when and how often (the same-day trace of the Conwy case).
/// The number is hashed under every key held and looked up; it is never stored or echoed. Audited as a combination.
/// </summary>
public static class TraceNumber
{
    public const string Purpose = "trace which people in the caller's responsibility called a number";
    public const int MaxCallsEach = 50;

    public sealed record CallView(string CallId, string PrisonId, DateTimeOffset StartedAt, int DurationSeconds, string Outcome);

    public sealed record PersonLink(string NomsNumber, string? Crn, int Calls, DateTimeOffset FirstCalledAt, DateTimeOffset LastCalledAt, IReadOnlyList<CallView> Recent);

    public sealed record NumberLinks(IReadOnlyList<PersonLink> People);

    public static RouteGroupBuilder MapTraceNumber(this RouteGroupBuilder api)
    {
        api.MapGet("/numbers/{number}/links", HandleAsync).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<Results<Ok<NumberLinks>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string number, HttpContext http, TelephoneMonitoringDbContext db, PhoneNumberHasher hasher, AuditLog audit)
    {
        var caller = Caller.From(http.User);
        if (caller.Role is not (HubRoles.Police or HubRoles.PrisonSecurity))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role does not allow this.",
                detail: "Number traces are for the police and prison security departments.");

        var hashes = hasher.HashUnderEveryKey(number).Select(h => h.Hash).ToArray();
        if (hashes.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["number"] = ["A valid phone number, in any usual format."] });

        var ct = http.RequestAborted;
        var inScope = db.Set<Responsibility>().AsNoTracking().ResponsibleFor(caller);
        var calls = await db.CallRecords.AsNoTracking()
            .Where(c => hashes.Contains(c.DialledHash))
            .Join(inScope, c => c.NomsNumber, r => r.NomsNumber, (c, r) => new { Call = c, r.Crn })
            .OrderByDescending(x => x.Call.StartedAt)
            .ToListAsync(ct);
        var people = calls.GroupBy(x => x.Call.NomsNumber).Select(g => new PersonLink(
                g.Key, g.First().Crn, g.Count(), g.Min(x => x.Call.StartedAt), g.Max(x => x.Call.StartedAt),
                [.. g.Take(MaxCallsEach).Select(x => new CallView(x.Call.CallId, x.Call.PrisonId, x.Call.StartedAt, x.Call.DurationSeconds, x.Call.Outcome))]))
            .OrderByDescending(p => p.LastCalledAt).ToList();

        await audit.SaveAsync(http.AuditRecord(AuditAction.Combination, [.. people.Select(p => p.NomsNumber)], Purpose), ct);
        return TypedResults.Ok(new NumberLinks(people));
    }
}
