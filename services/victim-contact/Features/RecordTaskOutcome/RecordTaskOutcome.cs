using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Features.RecordTaskOutcome;

/// <summary><c>POST /api/victim-contact/cases/{caseId}/tasks/{taskId}/outcome</c>: how the victim was told (or why not); the task is done.</summary>
public static class RecordTaskOutcome
{
    public const string Purpose = "record that the victim was informed";

    public sealed record OutcomeRequest(string? Outcome);

    public static RouteGroupBuilder MapRecordTaskOutcome(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/tasks/{taskId}/outcome", HandleAsync).WithSummary("Record a task's outcome");
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid taskId, OutcomeRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        if (await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.CaseId == found.Id, http.RequestAborted) is not { } task)
            return CaseAccess.NotFound("task");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Outcome) || request.Outcome.Length > 2000) errors["outcome"] = ["Required: at most 2000 characters."];
        if (task.CompletedAt is not null) errors["taskId"] = ["The task is already done."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        task.Outcome = request.Outcome!.Trim();
        task.CompletedBy = Caller.From(http.User).Id;
        task.CompletedAt = time.GetUtcNow();
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), $"task:{task.Id}"], Purpose), http.RequestAborted);
        return TypedResults.NoContent();
    }
}
