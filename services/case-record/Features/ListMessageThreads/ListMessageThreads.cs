using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.SecureMessages;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Features.ListMessageThreads;

/// <summary>
/// <c>GET /api/case-record/messages?person=…&amp;before=…&amp;limit=…</c>: the threads the caller takes part in about
/// people they are still responsible for, latest activity first, with how many messages they have not read.
/// </summary>
public static class ListMessageThreads
{
    public const string Purpose = "view my secure message threads";
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <param name="Unread">Messages from others the caller has not recorded a read receipt for.</param>
    public sealed record ThreadSummary(
        Guid Id, PersonReference Person, string Subject, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset LastMessageAt,
        IReadOnlyList<string> Participants, int Messages, int Unread);

    /// <param name="Next">The cursor for the next (older) page, or null on the last page.</param>
    public sealed record ThreadsPage(IReadOnlyList<ThreadSummary> Items, string? Next);

    public static RouteGroupBuilder MapListMessageThreads(this RouteGroupBuilder messages)
    {
        messages.MapGet("/", HandleAsync).WithSummary("My secure message threads");
        return messages;
    }

    public static async Task<Results<Ok<ThreadsPage>, ValidationProblem>> HandleAsync(
        string? person, string? before, int? limit, HttpContext http, CaseRecordDbContext db, AuditLog audit)
    {
        var errors = new Dictionary<string, string[]>();
        if (person is not null && !PersonIdentifier.IsValid(person)) errors["person"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."];
        Cursor? cursor = null;
        if (before is not null && (cursor = Cursor.Parse(before)) is null) errors["before"] = ["The 'next' value of a previous page."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"From 1 to {MaxLimit}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var caller = Caller.From(http.User);
        var threads = db.ThreadsOf(caller);
        if (cursor is { LastMessageAt: var at, Id: var id })
            threads = threads.Where(t => EF.Functions.LessThan(ValueTuple.Create(t.LastMessageAt, t.Id), ValueTuple.Create(at, id)));
        var take = limit ?? DefaultLimit;
        var page = await (
                from t in threads
                join p in db.People on t.PersonId equals p.Id
                where person == null || p.NomsNumber == person || p.Crn == person
                orderby t.LastMessageAt descending, t.Id descending
                select new ThreadSummary(
                    t.Id, new PersonReference(p.NomsNumber, p.Crn), t.Subject, t.StartedBy, t.StartedAt, t.LastMessageAt,
                    t.Participants.OrderBy(x => x.UserName).Select(x => x.UserName).ToList(),
                    t.Messages.Count,
                    t.Messages.Count(m => m.Sender != caller.Id && !m.ReadReceipts.Any(r => r.UserName == caller.Id))))
            .Take(take + 1)
            .ToListAsync(http.RequestAborted);
        var shown = page.Take(take).ToList();

        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [.. shown.Select(t => t.Person.StreamKey).Distinct()], Purpose),
            http.RequestAborted);
        var next = page.Count > take ? new Cursor(shown[^1].LastMessageAt, shown[^1].Id).ToString() : null;
        return TypedResults.Ok(new ThreadsPage(shown, next));
    }

    /// <summary>Keyset position: (lastMessageAt, id) of the last thread shown, opaque to callers.</summary>
    private sealed record Cursor(DateTimeOffset LastMessageAt, Guid Id)
    {
        public override string ToString() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{LastMessageAt.UtcTicks}.{Id:N}"));

        public static Cursor? Parse(string value)
        {
            if (value.Length > 100) return null;
            try
            {
                var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split('.');
                return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && Guid.TryParseExact(parts[1], "N", out var id)
                       && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
                    ? new Cursor(new DateTimeOffset(ticks, TimeSpan.Zero), id)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
