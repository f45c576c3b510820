using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Orders;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Features.RecordBreachAction;

/// <summary><c>POST /api/victim-contact/cases/{caseId}/breaches/{breachId}/action</c>: the VLO records what they did about a breach (e.g. warned the victim).</summary>
public static class RecordBreachAction
{
    public const string Purpose = "record the action taken on a breach";

    public sealed record BreachActionRequest(string? ActionTaken);

    /// <summary>A breach of an exclusion zone (its zone) or of an order by telephone (its order, and the alert's calls).</summary>
    public sealed record BreachView(
        Guid Id, string Kind, Guid? ZoneId, Guid? OrderId, int? CallCount, bool? Connected, DateTimeOffset OccurredAt,
        string? ActionTaken, string? ActionBy, DateTimeOffset? ActionAt)
    {
        public static BreachView Of(ZoneBreach b) => new(b.Id, "exclusion-zone", b.ZoneId, null, null, null, b.OccurredAt, b.ActionTaken, b.ActionBy, b.ActionAt);

        public static BreachView Of(CallBreach b) =>
            new(b.Id, "telephone", null, b.OrderId, b.CallCount, b.Connected, b.OccurredAt, b.ActionTaken, b.ActionBy, b.ActionAt);
    }

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
        var zone = await db.Breaches.FirstOrDefaultAsync(b => b.Id == breachId && b.CaseId == found.Id, http.RequestAborted);
        var call = zone is null ? await db.CallBreaches.FirstOrDefaultAsync(b => b.Id == breachId && b.CaseId == found.Id, http.RequestAborted) : null;
        if (zone is null && call is null) return CaseAccess.NotFound("breach");
        if (string.IsNullOrWhiteSpace(request.ActionTaken) || request.ActionTaken.Length > 2000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["actionTaken"] = ["Required: at most 2000 characters."] });

        var (action, by, at) = (request.ActionTaken.Trim(), Caller.From(http.User).Id, time.GetUtcNow());
        if (zone is not null) (zone.ActionTaken, zone.ActionBy, zone.ActionAt) = (action, by, at);
        if (call is not null) (call.ActionTaken, call.ActionBy, call.ActionAt) = (action, by, at);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Alteration, [CaseAccess.Record(found.Id), $"breach:{breachId}"], Purpose), http.RequestAborted);
        return TypedResults.Ok(zone is not null ? BreachView.Of(zone) : BreachView.Of(call!));
    }
}
