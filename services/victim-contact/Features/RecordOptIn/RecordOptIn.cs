using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;

namespace PublicProtectionHub.VictimContact.Features.RecordOptIn;

/// <summary>
/// <c>POST /api/victim-contact/cases/{caseId}/victims/{victimId}/opt-in</c> with <c>optedIn</c>: a victim opts out of
/// the scheme, or back in; every change is kept in their history.
/// </summary>
public static class RecordOptIn
{
    public const string Purpose = "record a victim opting in or out of victim contact";

    public sealed record OptInRequest(bool? OptedIn);

    public static RouteGroupBuilder MapRecordOptIn(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/victims/{victimId}/opt-in", HandleAsync).WithSummary("A victim opts in to or out of the scheme");
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid victimId, OptInRequest request, HttpContext http, CaseAccess cases, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose, withVictims: true) is not { } found) return CaseAccess.NotFound();
        if (found.Victims.FirstOrDefault(v => v.Id == victimId && v.ErasedAt == null) is not { } victim) return CaseAccess.NotFound("victim");
        if (request.OptedIn is not { } optedIn)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["optedIn"] = ["Required: true to opt in, false to opt out."] });

        victim.OptedIn = optedIn;
        victim.OptInHistory.Add(new OptInChange { OptedIn = optedIn, ChangedAt = time.GetUtcNow(), RecordedBy = Caller.From(http.User).Id });
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), CaseAccess.VictimRecord(victim.Id)], Purpose),
            http.RequestAborted);
        return TypedResults.NoContent();
    }
}
