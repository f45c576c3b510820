using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using static PublicProtectionHub.VictimContact.Features.RecordBreachAction.RecordBreachAction;

namespace PublicProtectionHub.VictimContact.Features.ListBreaches;

/// <summary>
/// <c>GET /api/victim-contact/cases/{caseId}/breaches</c>: the case's breaches — of its exclusion zones, and of its orders by
/// telephone (from telephone monitoring's alerts) — those still awaiting an action first, newest first.
/// </summary>
public static class ListBreaches
{
    public const string Purpose = "see the breaches the victim may need warning of";

    public static RouteGroupBuilder MapListBreaches(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId}/breaches", HandleAsync).WithSummary("A case's breaches of its zones and orders");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<BreachView>>, ProblemHttpResult>> HandleAsync(
        Guid caseId, HttpContext http, CaseAccess cases, VictimContactDbContext db, AuditLog audit)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        var zones = await db.Breaches.AsNoTracking().Where(b => b.CaseId == found.Id).ToListAsync(http.RequestAborted);
        var calls = await db.CallBreaches.AsNoTracking().Where(b => b.CaseId == found.Id).ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [CaseAccess.Record(found.Id)], Purpose), http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<BreachView>>([.. zones.Select(BreachView.Of).Concat(calls.Select(BreachView.Of))
            .OrderBy(b => b.ActionAt is not null).ThenByDescending(b => b.OccurredAt)]);
    }
}
