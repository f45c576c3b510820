using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.Features.GetTimeline;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.SecureMessages;

namespace PublicProtectionHub.CaseRecord.Features.GetDeliveries;

/// <summary>
/// <c>GET /api/case-record/people/{identifier}/timeline/{entryId}/deliveries</c>: who was told of one timeline entry,
/// when, and whether they read and acknowledged it — for a practitioner who may see that entry.
/// </summary>
public static class GetDeliveries
{
    public const string Purpose = "see who was told of an event and whether they acknowledged it";

    public sealed record Delivery(
        string UserName, string Role, DeliveryReason Reason, DateTimeOffset DeliveredAt, InboxItemState State,
        DateTimeOffset? ReadAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? EscalatedAt);

    public static RouteGroupBuilder MapGetDeliveries(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{identifier}/timeline/{entryId:long}/deliveries", HandleAsync);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<Delivery>>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string identifier, long entryId, HttpContext http, PersonAccess access, CaseRecordDbContext db, AuditLog audit)
    {
        if (!PersonIdentifier.IsValid(identifier))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["identifier"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."] });
        if (await access.FindAsync(http, identifier, Purpose) is not { } responsible) return PersonNotFound.Problem();

        var caller = Caller.From(http.User);
        var entry = await (
                from e in db.Timeline.VisibleTo(caller.Role, db.MessageEntriesOf(caller.Id))
                join p in db.People.Named(responsible.NomsNumber, responsible.Crn) on e.PersonId equals p.Id
                where e.Id == entryId
                select new { e.Id, Key = p.NomsNumber ?? p.Crn })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (entry is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event.",
                detail: "The person's timeline has no event with that id that you may see.");

        var deliveries = await db.Inbox.AsNoTracking().Where(i => i.TimelineEntryId == entry.Id).OrderBy(i => i.DeliveredAt).ThenBy(i => i.UserName)
            .Select(i => new Delivery(i.UserName, i.RecipientRole, i.Reason, i.DeliveredAt, i.State, i.ReadAt, i.AcknowledgedAt, i.AcknowledgedBy, i.EscalatedAt))
            .ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [entry.Key!], Purpose), http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<Delivery>>(deliveries);
    }
}
