using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>An inbox item as its practitioner sees it; <see cref="Id"/> is also its Server-Sent Events id.</summary>
public sealed record InboxItemView(
    long Id, PersonReference Person, long EntryId, string Source, string EventType, InformationClass InformationClass,
    Classification Classification, Priority Priority, string Summary, DateTimeOffset OccurredAt, DeliveryReason Reason,
    InboxItemState State, DateTimeOffset DeliveredAt, DateTimeOffset? ReadAt, DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy, DateTimeOffset? EscalateAt);

public static class InboxQueries
{
    /// <summary>The practitioner's own items; nobody reads another's inbox. Filter and order these, then project with <see cref="Views"/>.</summary>
    public static IQueryable<InboxItem> InboxOf(this CaseRecordDbContext db, string userName) =>
        db.Inbox.Where(i => i.UserName == userName);

    /// <summary>
    /// The items as their practitioner sees them. Last in a query: EF Core cannot translate a filter or an
    /// ordering on a record built by its constructor, so those go on the <see cref="InboxItem"/>s before this
    /// (and a wanted order is applied again in memory, since the join does not keep it).
    /// </summary>
    public static IQueryable<InboxItemView> Views(this IQueryable<InboxItem> items, CaseRecordDbContext db) =>
        from i in items
        join p in db.People on i.PersonId equals p.Id
        select new InboxItemView(
            i.Sequence, new PersonReference(p.NomsNumber, p.Crn), i.TimelineEntryId, i.Entry!.Source, i.Entry.EventType,
            i.Entry.InformationClass, i.Entry.Classification, i.Priority, i.Entry.Summary, i.Entry.OccurredAt, i.Reason,
            i.State, i.DeliveredAt, i.ReadAt, i.AcknowledgedAt, i.AcknowledgedBy, i.EscalatedAt == null && i.AcknowledgedAt == null ? i.EscalateAt : null);

    public static IReadOnlyList<string> PeopleIn(IEnumerable<InboxItemView> items) =>
        [.. items.Select(i => i.Person.StreamKey).Distinct()];
}
