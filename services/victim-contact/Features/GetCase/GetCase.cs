using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;

namespace PublicProtectionHub.VictimContact.Features.GetCase;

/// <summary><c>GET /api/victim-contact/cases/{caseId}</c>: the case for its unit's VLOs; no victim's details (see GetVictim).</summary>
public static class GetCase
{
    public const string Purpose = "manage a victim contact case";

    public static RouteGroupBuilder MapGetCase(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId}", HandleAsync).WithSummary("A victim contact case allocated to your unit");
        return api;
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        Guid caseId, HttpContext http, CaseAccess cases, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose, withVictims: true) is not { } found) return CaseAccess.NotFound();
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [CaseAccess.Record(found.Id), found.Person.StreamKey], Purpose),
            http.RequestAborted);
        return TypedResults.Ok(CaseView.Of(found, LondonDate.Today(time)));
    }
}
