using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.SecureMessages;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Features.GetTimeline;

/// <summary>
/// <c>GET /api/case-record/people/{identifier}/timeline?before=…&amp;limit=…</c>: everything recorded about the
/// person by every service, wherever they were held, newest first, only the classes the caller's role may see.
/// </summary>
public static class GetTimeline
{
    public const string Purpose = "view a person's timeline";
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed record TimelineItem(
        long Id, string Source, string EventType, InformationClass InformationClass, Classification Classification,
        Priority Priority, string Summary, string? EstablishmentCode, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);

    /// <param name="Next">The cursor for the next (older) page, or null on the last page.</param>
    public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, string? Next);

    public static RouteGroupBuilder MapGetTimeline(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{identifier}/timeline", HandleAsync);
        return api;
    }

    public static async Task<Results<Ok<TimelinePage>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string identifier, string? before, int? limit, HttpContext http, PersonAccess access, CaseRecordDbContext db, AuditLog audit)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PersonIdentifier.IsValid(identifier)) errors["identifier"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."];
        Cursor? cursor = null;
        if (before is not null && (cursor = Cursor.Parse(before)) is null) errors["before"] = ["The 'next' value of a previous page."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"From 1 to {MaxLimit}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        if (await access.FindAsync(http, identifier, Purpose) is not { } responsible) return PersonNotFound.Problem();
        var person = await db.People.AsNoTracking()
            .Named(responsible.NomsNumber, responsible.Crn)
            .Select(p => new { p.Id, p.NomsNumber, p.Crn }).FirstOrDefaultAsync(http.RequestAborted);
        if (person is null) return PersonNotFound.Problem();

        var caller = Caller.From(http.User);
        var take = limit ?? DefaultLimit;
        var entries = db.Timeline.AsNoTracking().Where(e => e.PersonId == person.Id).VisibleTo(caller.Role, db.MessageEntriesOf(caller.Id));
        if (cursor is { OccurredAt: var at, Id: var id })
            entries = entries.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id < id));
        var page = await entries
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(take + 1)
            .Select(e => new TimelineItem(e.Id, e.Source, e.EventType, e.InformationClass, e.Classification, e.Priority,
                e.Summary, e.EstablishmentCode, e.OccurredAt, e.RecordedAt))
            .ToListAsync(http.RequestAborted);

        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [person.NomsNumber ?? person.Crn!], Purpose), http.RequestAborted);
        var next = page.Count > take ? new Cursor(page[take - 1].OccurredAt, page[take - 1].Id).ToString() : null;
        return TypedResults.Ok(new TimelinePage(page.Take(take).ToList(), next));
    }

    /// <summary>
    /// The entries a role may see (ACCESS.md): victim liaison see telephone alerts only when they are about an order;
    /// secure messages only the thread's participants see, whatever their role (<paramref name="myMessages"/>).
    /// </summary>
    public static IQueryable<TimelineEntry> VisibleTo(this IQueryable<TimelineEntry> entries, string role, IQueryable<long> myMessages)
    {
        var classes = Entitlements.VisibleTo(role);
        var alertsAboutOrders = Entitlements.MayReceive(role, InformationClass.TelephoneMonitoringAlert, aboutVictimOrder: true);
        return entries.Where(e => classes.Contains(e.InformationClass)
            || (alertsAboutOrders && e.InformationClass == InformationClass.TelephoneMonitoringAlert && e.OrderReference != null)
            || (e.InformationClass == InformationClass.SecureMessage && myMessages.Contains(e.Id)));
    }

    /// <summary>Keyset position: (occurredAt, id) of the last item shown, opaque to callers.</summary>
    private sealed record Cursor(DateTimeOffset OccurredAt, long Id)
    {
        public override string ToString() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{OccurredAt.UtcTicks}.{Id}"));

        public static Cursor? Parse(string value)
        {
            if (value.Length > 100) return null;
            try
            {
                var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split('.');
                return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && long.TryParse(parts[1], out var id)
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
