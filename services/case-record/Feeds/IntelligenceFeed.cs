using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Feeds;

/// <summary>The HMPPS domain-event envelope, as the police intelligence feed carries each timeline entry.</summary>
public sealed record FeedEnvelope(
    string EventType, int Version, DateTimeOffset OccurredAt, string Description, string DetailUrl,
    FeedDetails AdditionalInformation, FeedPersonReference PersonReference);

public sealed record FeedDetails(long EntryId, string Source, InformationClass InformationClass, string Classification, Timeline.Priority Priority, string PoliceForce);

public sealed record FeedPersonReference(IReadOnlyList<FeedIdentifier> Identifiers);

public sealed record FeedIdentifier(string Type, string Value);

/// <summary>
/// What a police force's intelligence feed holds: every timeline entry police may see (ACCESS.md) about the people
/// in the force's area, in the order recorded, up to the entry id where the numbering has settled
/// (<see cref="TimelineOrder.SettledUpToAsync"/>), so a reader that resumes after the last id it saw misses nothing.
/// </summary>
public static class IntelligenceFeed
{
    public const string EventTypePrefix = "public-protection.";

    private static readonly IReadOnlyList<InformationClass> PoliceClasses = Entitlements.VisibleTo(HubRoles.Police);

    public static IQueryable<FeedEnvelope> ForForce(this CaseRecordDbContext db, string? force, long after, long settledUpTo) =>
        from e in db.Timeline
        where e.Id > after && e.Id <= settledUpTo && PoliceClasses.Contains(e.InformationClass)
        join p in db.People on e.PersonId equals p.Id
        where force == null ? p.Responsibilities.PoliceForce != null : p.Responsibilities.PoliceForce == force
        orderby e.Id
        select new FeedEnvelope(
            EventTypePrefix + e.EventType, 1, e.OccurredAt, e.Summary,
            "/api/case-record/people/" + (p.NomsNumber ?? p.Crn) + "/timeline",
            new FeedDetails(e.Id, e.Source, e.InformationClass, e.Classification == Contracts.Classification.Official ? "OFFICIAL" : "OFFICIAL-SENSITIVE",
                e.Priority, p.Responsibilities.PoliceForce!),
            new FeedPersonReference(Identifiers(p.NomsNumber, p.Crn)));

    private static List<FeedIdentifier> Identifiers(string? noms, string? crn)
    {
        var identifiers = new List<FeedIdentifier>();
        if (noms is not null) identifiers.Add(new FeedIdentifier("NOMS", noms));
        if (crn is not null) identifiers.Add(new FeedIdentifier("CRN", crn));
        return identifiers;
    }
}
