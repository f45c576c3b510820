using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Features.CloseCase;

/// <summary>
/// <c>POST /api/victim-contact/cases/{caseId}/close</c> with a <c>reason</c>: the unit's responsibility for the offender
/// through this case ends (<c>VictimContactCaseClosed</c>) and the retention period for its victims' details starts.
/// </summary>
public static class CloseCase
{
    public const string Purpose = "close a victim contact case";

    public sealed record CloseCaseRequest(string? Reason);

    public static RouteGroupBuilder MapCloseCase(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/close", HandleAsync).WithSummary("Close a victim contact case");
        return api;
    }

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, CloseCaseRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose, withVictims: true) is not { } found) return CaseAccess.NotFound();
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Required: at most 200 characters."] });
        if (!found.IsOpen)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["caseId"] = ["The case is already closed."] });

        var now = time.GetUtcNow();
        found.ClosedAt = now;
        found.ClosureReason = request.Reason.Trim();
        db.Closed(found, now);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), found.Person.StreamKey], Purpose),
            http.RequestAborted);
        return TypedResults.Ok(CaseView.Of(found, LondonDate.Today(time)));
    }
}
