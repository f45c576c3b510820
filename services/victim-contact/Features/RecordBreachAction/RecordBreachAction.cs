using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Features.RecordBreachAction;

/// <summary><c>POST /api/victim-contact/cases/{caseId}/breaches/{breachId}/action</c>: the VLO records what they did about a breach (e.g. warned the victim).</summary>
public static class RecordBreachAction
{
    public const string Purpose = "record the action taken on a breach";

    public sealed record BreachActionRequest(string? ActionTaken);

    public sealed record BreachView(Guid Id, Guid ZoneId, DateTimeOffset OccurredAt, string? ActionTaken, string? ActionBy, DateTimeOffset? ActionAt);

    public static RouteGroupBuilder MapRecordBreachAction(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/breaches/{breachId}/action", HandleAsync).WithSummary("Record the action taken on a breach");
        return api;
    }

    public static async Task<Results<Ok<BreachView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid breachId, BreachActionRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit,
        TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        if (await db.Breaches.FirstOrDefaultAsync(b => b.Id == breachId && b.CaseId == found.Id, http.RequestAborted) is not { } breach)
            return CaseAccess.NotFound("breach");
        if (string.IsNullOrWhiteSpace(request.ActionTaken) || request.ActionTaken.Length > 2000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["actionTaken"] = ["Required: at most 2000 characters."] });

        breach.ActionTaken = request.ActionTaken.Trim();
        breach.ActionBy = Caller.From(http.User).Id;
        breach.ActionAt = time.GetUtcNow();
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), $"breach:{breach.Id}"], Purpose), http.RequestAborted);
        return TypedResults.Ok(new BreachView(breach.Id, breach.ZoneId, breach.OccurredAt, breach.ActionTaken, breach.ActionBy, breach.ActionAt));
    }
}
