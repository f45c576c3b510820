using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;

namespace PublicProtectionHub.CaseRecord.Features.AcknowledgeInboxItem;

/// <summary>
/// <c>POST /api/case-record/inbox/{id}/acknowledge</c>: the practitioner has dealt with the item; a high-priority
/// item acknowledged in time does not escalate. Acknowledging again changes nothing.
/// </summary>
public static class AcknowledgeInboxItem
{
    public const string Purpose = "acknowledge an item in my inbox";

    public static RouteGroupBuilder MapAcknowledgeInboxItem(this RouteGroupBuilder inbox)
    {
        inbox.MapPost("/{id:long}/acknowledge", HandleAsync);
        return inbox;
    }

    public static Task<Results<Ok<InboxItemView>, ProblemHttpResult>> HandleAsync(
        long id, HttpContext http, CaseRecordDbContext db, AuditLog audit, TimeProvider time) =>
        InboxItemChange.ApplyAsync(id, http, db, audit, AuditAction.Alteration, Purpose, item =>
        {
            if (item.State == InboxItemState.Acknowledged) return;
            var now = time.GetUtcNow();
            item.ReadAt ??= now;
            item.AcknowledgedAt = now;
            item.AcknowledgedBy = Caller.From(http.User).Id;
            item.State = InboxItemState.Acknowledged;
        });
}
