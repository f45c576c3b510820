using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.SecureMessages;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Features.SendMessage;

/// <summary>
/// <c>POST /api/case-record/messages</c>: starts a thread about a person (<c>person</c>, <c>subject</c>, <c>recipients</c>)
/// or replies in one (<c>threadId</c>), with a <c>body</c> and its protective marking (<c>classification</c>).
/// The sender must be responsible for the person (else 404) and so must every recipient, now: naming anyone who is
/// not (or is unknown, or disabled) refuses the whole message, without saying who, and nothing is written.
/// A reply goes to the thread's other participants who are still responsible for the person. Each message is an
/// entry on the person's timeline pushed to those recipients' inboxes; only the thread's participants see it.
/// </summary>
public static class SendMessage
{
    public const string Purpose = "send a secure message about a person to practitioners responsible for them";
    public const int MaxRecipients = 20;
    private const string NotResponsible = "Every recipient must be a practitioner responsible for this person.";

    /// <param name="ThreadId">The thread to reply in; leave out to start a thread.</param>
    /// <param name="Person">A new thread's person: NOMS number (e.g. A1234BC) or CRN (e.g. X123456).</param>
    /// <param name="Subject">A new thread's subject, shown in inboxes and on the timeline; at most 200 characters.</param>
    /// <param name="Recipients">A new thread's recipients: user names of practitioners responsible for the person.</param>
    /// <param name="Body">The message; at most 10 000 characters.</param>
    /// <param name="Classification">The message's protective marking: OFFICIAL or OFFICIAL-SENSITIVE.</param>
    public sealed record SendMessageRequest(
        Guid? ThreadId, string? Person, string? Subject, IReadOnlyList<string>? Recipients, string? Body, Classification? Classification);

    public sealed record MessageSent(Guid ThreadId, Guid MessageId, DateTimeOffset SentAt);

    public static RouteGroupBuilder MapSendMessage(this RouteGroupBuilder messages)
    {
        messages.MapPost("/", HandleAsync)
            .WithSummary("Start a thread about a person, or reply in one")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return messages;
    }

    public static async Task<Results<Created<MessageSent>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        SendMessageRequest request, HttpContext http, PersonAccess access, ThreadAccess threads, CaseRecordDbContext db,
        PushRouter push, AuditLog audit, TimeProvider time)
    {
        var sender = Caller.From(http.User).Id;
        var errors = Validate(request, sender);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var ct = http.RequestAborted;
        MessageThread thread;
        Person person;
        IReadOnlyList<Recipient> recipients;
        var now = SecureMessagesModel.Now(time);
        if (request.ThreadId is { } threadId)
        {
            if (await threads.FindAsync(http, threadId, Purpose) is not { } found) return ThreadAccess.NotFound();
            (thread, person) = found;
            var others = await db.Entry(thread).Collection(t => t.Participants).Query()
                .Where(p => p.UserName != sender).Select(p => p.UserName).ToListAsync(ct);
            recipients = await ResponsibleAsync(db, person, others, ct);
        }
        else
        {
            if (await access.FindAsync(http, request.Person!, Purpose) is null
                || await db.People.FirstOrDefaultAsync(Is(request.Person!), ct) is not { } registered)
                return PersonNotFound.Problem();
            person = registered;
            var named = request.Recipients!.Distinct(StringComparer.Ordinal).ToList();
            recipients = await ResponsibleAsync(db, person, named, ct);
            if (recipients.Count != named.Count)
            {
                await audit.SaveAsync(http.AuditRecord(AuditAction.Disclosure, [person.Key], Purpose, AuditOutcome.Denied, named), ct);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["recipients"] = [NotResponsible] });
            }

            thread = new MessageThread
            {
                Id = Guid.CreateVersion7(), PersonId = person.Id, Subject = request.Subject!.Trim(), StartedBy = sender, StartedAt = now,
                Participants = [.. named.Prepend(sender).Select(u => new ThreadParticipant { UserName = u, AddedAt = now })],
            };
            db.MessageThreads.Add(thread);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var message = new SecureMessage
        {
            Id = Guid.CreateVersion7(), ThreadId = thread.Id, Sender = sender, Body = request.Body!,
            Classification = request.Classification!.Value, SentAt = now,
        };
        thread.LastMessageAt = now;
        var entry = await push.RecordAsync(person, new TimelineEntry
        {
            Source = Extensions.ServiceName, EventType = "secure-message.sent", InformationClass = InformationClass.SecureMessage,
            Classification = message.Classification, Priority = Priority.Normal, OccurredAt = now,
            Summary = $"Secure message from {sender}: {thread.Subject}", SourceReference = $"secure-message:{message.Id}",
        }, recipients, ct: ct) ?? throw new InvalidOperationException("A new message's timeline entry already exists.");
        message.TimelineEntryId = entry.Id;
        db.SecureMessages.Add(message);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Disclosure, [person.Key], Purpose,
            recipients: [.. recipients.Select(r => r.UserName)]), ct);
        await transaction.CommitAsync(ct);

        return TypedResults.Created($"/api/{Extensions.ServiceName}/messages/{thread.Id}", new MessageSent(thread.Id, message.Id, now));
    }

    /// <summary>Those of <paramref name="userNames"/> responsible for the person now, by the register rather than the lagging access copy.</summary>
    private static async Task<IReadOnlyList<Recipient>> ResponsibleAsync(
        CaseRecordDbContext db, Person person, IReadOnlyList<string> userNames, CancellationToken ct)
    {
        var found = await db.Practitioners.ResponsibleNow(person.Responsibilities)
            .Where(p => userNames.Contains(p.UserName)).OrderBy(p => p.UserName).ToListAsync(ct);
        return [.. found.Select(Recipients.ToRecipient)];
    }

    private static System.Linq.Expressions.Expression<Func<Person, bool>> Is(string identifier) =>
        PersonIdentifier.IsNomsNumber(identifier) ? p => p.NomsNumber == identifier : p => p.Crn == identifier;

    private static Dictionary<string, string[]> Validate(SendMessageRequest request, string sender)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Body)) errors["body"] = ["Required."];
        else if (request.Body.Length > SecureMessagesModel.MaxBodyLength) errors["body"] = [$"At most {SecureMessagesModel.MaxBodyLength} characters."];
        if (request.Classification is null) errors["classification"] = ["Required: OFFICIAL or OFFICIAL-SENSITIVE."];

        if (request.ThreadId is not null)
        {
            const string Reply = "Leave out in a reply: the thread has it.";
            if (request.Person is not null) errors["person"] = [Reply];
            if (request.Subject is not null) errors["subject"] = [Reply];
            if (request.Recipients is not null) errors["recipients"] = [Reply];
            return errors;
        }

        if (!PersonIdentifier.IsValid(request.Person)) errors["person"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."];
        if (string.IsNullOrWhiteSpace(request.Subject)) errors["subject"] = ["Required."];
        else if (request.Subject.Trim().Length > SecureMessagesModel.MaxSubjectLength)
            errors["subject"] = [$"At most {SecureMessagesModel.MaxSubjectLength} characters."];
        if (request.Recipients is not { Count: > 0 and <= MaxRecipients } named
            || named.Any(u => string.IsNullOrWhiteSpace(u) || u.Length > SecureMessagesModel.MaxUserNameLength))
            errors["recipients"] = [$"From 1 to {MaxRecipients} practitioners' user names."];
        else if (named.Contains(sender, StringComparer.Ordinal))
            errors["recipients"] = ["Name the other practitioners: the sender takes part already."];
        return errors;
    }
}
