using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Register;

namespace PublicProtectionHub.CaseRecord.SecureMessages;

/// <summary>
/// Which threads a practitioner may see: those they take part in (sender or a named recipient) about a person
/// they are still responsible for. A participant who is no longer responsible for the person — moved on, or the
/// person moved — no longer sees the thread: it is not found, exactly like a thread they were never part of.
/// </summary>
public sealed partial class ThreadAccess(CaseRecordDbContext db, AuditLog audit, ILogger<ThreadAccess> logger)
{
    /// <summary>The thread and its person if the caller may see it (tracked, for a reply or read receipts); else the refusal is audited.</summary>
    public async Task<FoundThread?> FindAsync(HttpContext http, Guid threadId, string purpose)
    {
        var caller = Caller.From(http.User);
        var found = await (
                from t in db.ThreadsOf(caller)
                where t.Id == threadId
                join p in db.People on t.PersonId equals p.Id
                select new FoundThread(t, p))
            .FirstOrDefaultAsync(http.RequestAborted);
        if (found is not null) return found;

        var person = await db.MessageThreads.Where(t => t.Id == threadId)
            .Join(db.People, t => t.PersonId, p => p.Id, (_, p) => p.NomsNumber ?? p.Crn)
            .FirstOrDefaultAsync(http.RequestAborted);
        LogRefused(caller.Id, caller.Role, http.Request.Method);
        await audit.SaveAsync(http.AuditRecord(AuditAction.AccessDenied, person is null ? [] : [person], purpose, AuditOutcome.Denied),
            http.RequestAborted);
        return null;
    }

    /// <summary>The one answer for "no such thread", "not a participant" and "no longer responsible for the person".</summary>
    public static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such thread.",
        detail: "There is no message thread with that id that you take part in.");

    [LoggerMessage(LogLevel.Warning, "Secure message thread refused to {CallerId} ({Role}) on {Method}")]
    private partial void LogRefused(string callerId, string role, string method);
}

public sealed record FoundThread(MessageThread Thread, Person Person);

public static class ThreadQueries
{
    /// <summary>The threads the caller takes part in, about people they are responsible for now (need-to-know's local copy).</summary>
    public static IQueryable<MessageThread> ThreadsOf(this CaseRecordDbContext db, Caller caller)
    {
        var responsible = db.Set<Responsibility>().ResponsibleFor(caller);
        return from t in db.MessageThreads
               where t.Participants.Any(p => p.UserName == caller.Id)
               join p in db.People on t.PersonId equals p.Id
               where responsible.Any(r => (p.NomsNumber != null && r.NomsNumber == p.NomsNumber) || (p.Crn != null && r.Crn == p.Crn))
               select t;
    }

    /// <summary>The timeline entries of the messages in threads the user takes part in.</summary>
    public static IQueryable<long> MessageEntriesOf(this CaseRecordDbContext db, string userName) =>
        from m in db.SecureMessages
        where db.MessageThreads.Any(t => t.Id == m.ThreadId && t.Participants.Any(p => p.UserName == userName))
        select m.TimelineEntryId;
}
