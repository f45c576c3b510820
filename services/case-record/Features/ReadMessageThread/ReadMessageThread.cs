using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.SecureMessages;

namespace PublicProtectionHub.CaseRecord.Features.ReadMessageThread;

/// <summary>
/// <c>POST /api/case-record/messages/{threadId}/read?upTo={messageId}</c>: the caller has read the thread's messages
/// from others (up to and including <c>upTo</c>, else all of them): one read receipt per message, kept with who and
/// when, and their inbox items for those messages are read too. Reading again changes nothing.
/// </summary>
public static class ReadMessageThread
{
    public const string Purpose = "record that I have read secure messages about a person";

    /// <param name="Messages">The messages this call recorded as read; empty when they all were already.</param>
    public sealed record ThreadRead(Guid ThreadId, DateTimeOffset ReadAt, IReadOnlyList<Guid> Messages);

    public static RouteGroupBuilder MapReadMessageThread(this RouteGroupBuilder messages)
    {
        messages.MapPost("/{threadId:guid}/read", HandleAsync)
            .WithSummary("Record read receipts for a thread's messages")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return messages;
    }

    public static async Task<Results<Ok<ThreadRead>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid threadId, Guid? upTo, HttpContext http, ThreadAccess threads, CaseRecordDbContext db, AuditLog audit, TimeProvider time)
    {
        if (await threads.FindAsync(http, threadId, Purpose) is not { } found) return ThreadAccess.NotFound();
        var (thread, person) = found;

        var ct = http.RequestAborted;
        var reader = Caller.From(http.User).Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One reader's receipts for a thread are recorded one request at a time, so a double submit records each once.
        await db.Database.ExecuteSqlAsync($"""
            SELECT 1 FROM messages.participants WHERE "ThreadId" = {thread.Id} AND "UserName" = {reader} FOR UPDATE
            """, ct);
        var unread = db.SecureMessages.Where(m => m.ThreadId == thread.Id && m.Sender != reader && !m.ReadReceipts.Any(r => r.UserName == reader));
        if (upTo is { } last)
        {
            var until = await db.SecureMessages.Where(m => m.Id == last && m.ThreadId == thread.Id)
                .Select(m => (DateTimeOffset?)m.SentAt).FirstOrDefaultAsync(ct);
            if (until is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["upTo"] = ["The id of a message in this thread."] });
            unread = unread.Where(m => m.SentAt <= until);
        }

        var read = await unread.OrderBy(m => m.SentAt).Select(m => new { m.Id, m.TimelineEntryId }).ToListAsync(ct);
        var now = SecureMessagesModel.Now(time);
        db.ReadReceipts.AddRange(read.Select(m => new ReadReceipt { MessageId = m.Id, UserName = reader, ReadAt = now }));
        var entries = read.Select(m => m.TimelineEntryId).ToList();
        foreach (var item in await db.Inbox.Where(i => i.UserName == reader && entries.Contains(i.TimelineEntryId) && i.State == InboxItemState.Unread).ToListAsync(ct))
        {
            item.State = InboxItemState.Read;
            item.ReadAt = now;
        }

        // A receipt is a change to the thread's record; reading again with nothing new to receipt only consults it.
        var action = read.Count > 0 ? AuditAction.Alteration : AuditAction.Consultation;
        await audit.SaveAsync(http.AuditRecord(action, [person.Key], Purpose), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new ThreadRead(thread.Id, now, [.. read.Select(m => m.Id)]));
    }
}
