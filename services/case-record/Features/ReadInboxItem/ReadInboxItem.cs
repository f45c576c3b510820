using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;

namespace PublicProtectionHub.CaseRecord.Features.ReadInboxItem;

/// <summary><c>POST /api/case-record/inbox/{id}/read</c>: the practitioner has opened the item. Reading it again changes nothing.</summary>
public static class ReadInboxItem
{
    public const string Purpose = "read an item in my inbox";

    public static RouteGroupBuilder MapReadInboxItem(this RouteGroupBuilder inbox)
    {
        inbox.MapPost("/{id:long}/read", HandleAsync);
        return inbox;
    }

    public static Task<Results<Ok<InboxItemView>, ProblemHttpResult>> HandleAsync(
        long id, HttpContext http, CaseRecordDbContext db, AuditLog audit, TimeProvider time) =>
        InboxItemChange.ApplyAsync(id, http, db, audit, AuditAction.Consultation, Purpose, item =>
        {
            if (item.State != InboxItemState.Unread) return;
            item.State = InboxItemState.Read;
            item.ReadAt = time.GetUtcNow();
        });
}
