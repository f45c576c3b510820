using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>Changes the state of one of the caller's own items, audited in the same transaction.</summary>
public static class InboxItemChange
{
    public static async Task<Results<Ok<InboxItemView>, ProblemHttpResult>> ApplyAsync(
        long id, HttpContext http, CaseRecordDbContext db, AuditLog audit, AuditAction action, string purpose, Action<InboxItem> change)
    {
        var userName = Caller.From(http.User).Id;
        var item = await db.Inbox.SingleOrDefaultAsync(i => i.UserName == userName && i.Sequence == id, http.RequestAborted);
        if (item is null) return NoSuchItem();

        change(item);
        var view = await db.InboxOf(userName).Where(i => i.Sequence == id).Views(db).SingleAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(action, [view.Person.StreamKey], purpose), http.RequestAborted);
        return TypedResults.Ok(view with
        {
            State = item.State, ReadAt = item.ReadAt, AcknowledgedAt = item.AcknowledgedAt, AcknowledgedBy = item.AcknowledgedBy,
            EscalateAt = item.AcknowledgedAt is null ? view.EscalateAt : null,
        });
    }

    private static ProblemHttpResult NoSuchItem() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "No such inbox item.", detail: "Your inbox has no item with that id.");
}
