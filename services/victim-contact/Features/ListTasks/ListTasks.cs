using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Features.ListTasks;

/// <summary><c>GET /api/victim-contact/cases/{caseId}/tasks</c>: the case's "inform the victim" tasks, open ones first.</summary>
public static class ListTasks
{
    public const string Purpose = "see what the victim must be told";

    public sealed record TaskView(
        Guid Id, string SentenceEvent, IReadOnlyList<string> MayDisclose, IReadOnlyList<string> MustNotDisclose, DateOnly Due, bool Overdue,
        DateTimeOffset RaisedAt, string? Outcome, string? CompletedBy, DateTimeOffset? CompletedAt);

    public static RouteGroupBuilder MapListTasks(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId}/tasks", HandleAsync).WithSummary("A case's inform-the-victim tasks");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<TaskView>>, ProblemHttpResult>> HandleAsync(
        Guid caseId, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CaseId == found.Id)
            .OrderBy(t => t.CompletedAt != null).ThenBy(t => t.Due).ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [CaseAccess.Record(found.Id)], Purpose), http.RequestAborted);
        var today = LondonDate.Today(time);
        return TypedResults.Ok<IReadOnlyList<TaskView>>([.. tasks.Select(t => new TaskView(
            t.Id, t.SentenceEvent, t.MayDisclose, t.MustNotDisclose, t.Due, t.CompletedAt is null && today > t.Due, t.RaisedAt, t.Outcome,
            t.CompletedBy, t.CompletedAt))]);
    }
}
