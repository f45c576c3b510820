using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.SecureMessages;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Features.GetMessageThread;

/// <summary>
/// <c>GET /api/case-record/messages/{threadId}</c>: a thread with its participants and every message, oldest first,
/// each with who has read it and when. Only a participant still responsible for the person sees it (else 404).
/// Reading it records no receipt: that is <c>POST …/read</c>.
/// </summary>
public static class GetMessageThread
{
    public const string Purpose = "read a secure message thread about a person";

    /// <param name="Classification">The highest protective marking of its messages.</param>
    public sealed record ThreadView(
        Guid Id, PersonReference Person, string Subject, Classification Classification, string StartedBy, DateTimeOffset StartedAt,
        IReadOnlyList<ParticipantView> Participants, IReadOnlyList<MessageView> Messages);

    /// <param name="DisplayName">As the practitioner directory has it; null for an account it no longer holds.</param>
    public sealed record ParticipantView(string UserName, string? DisplayName, DateTimeOffset AddedAt);

    public sealed record MessageView(
        Guid Id, string Sender, string Body, Classification Classification, DateTimeOffset SentAt, IReadOnlyList<ReadReceiptView> ReadBy);

    public sealed record ReadReceiptView(string UserName, DateTimeOffset ReadAt);

    public static RouteGroupBuilder MapGetMessageThread(this RouteGroupBuilder messages)
    {
        messages.MapGet("/{threadId:guid}", HandleAsync)
            .WithSummary("A thread with its messages and read receipts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return messages;
    }

    public static async Task<Results<Ok<ThreadView>, ProblemHttpResult>> HandleAsync(
        Guid threadId, HttpContext http, ThreadAccess threads, CaseRecordDbContext db, AuditLog audit)
    {
        if (await threads.FindAsync(http, threadId, Purpose) is not { } found) return ThreadAccess.NotFound();
        var (thread, person) = found;

        var ct = http.RequestAborted;
        var participants = await (
                from p in db.Entry(thread).Collection(t => t.Participants).Query()
                join d in db.Practitioners on p.UserName equals d.UserName into directory
                from d in directory.DefaultIfEmpty()
                orderby p.AddedAt, p.UserName
                select new ParticipantView(p.UserName, d == null ? null : d.DisplayName, p.AddedAt))
            .ToListAsync(ct);
        var messages = await db.SecureMessages.AsNoTracking()
            .Where(m => m.ThreadId == thread.Id)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new MessageView(m.Id, m.Sender, m.Body, m.Classification, m.SentAt,
                m.ReadReceipts.OrderBy(r => r.ReadAt).ThenBy(r => r.UserName).Select(r => new ReadReceiptView(r.UserName, r.ReadAt)).ToList()))
            .ToListAsync(ct);

        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [person.Key], Purpose), ct);
        var marking = messages.Any(m => m.Classification == Classification.OfficialSensitive)
            ? Classification.OfficialSensitive
            : Classification.Official;
        return TypedResults.Ok(new ThreadView(thread.Id, new PersonReference(person.NomsNumber, person.Crn), thread.Subject, marking,
            thread.StartedBy, thread.StartedAt, participants, messages));
    }
}
