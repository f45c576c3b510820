using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Messaging.Outbox;
using static PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.HmppsEventTypes;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// Puts an applied HMPPS event on the person's timeline, and screens arrivals: a person with a public
/// protection, MAPPA or prohibited-contact flag received into a prison (reception or transfer) is
/// pushed at once, high priority, to that prison's security department and OMU with their risk picture.
/// </summary>
public sealed class HmppsTimeline(PushRouter push, CaseRecordDbContext db, SentenceEvents sentenceEvents)
{
    private static readonly string[] Arrivals = ["NEW_ADMISSION", "READMISSION", "TRANSFERRED", "POST_MERGE_ADMISSION"];

    public async Task RecordAsync(HmppsEvent e, string replayKey, Person person, CancellationToken ct)
    {
        var d = e.Details;
        var (information, summary) = e.EventType switch
        {
            PrisonerReceived => (InformationClass.IdentityAndLocation, $"Received into {d.PrisonId} ({Words(d.Reason)})."),
            PrisonerReleased => (InformationClass.IdentityAndLocation, $"Released from {d.PrisonId} ({Words(d.Reason)})."),
            PomAllocated => (InformationClass.IdentityAndLocation, $"Offender supervisor allocated: {d.StaffUsername}."),
            CommunityManagerAllocated => (InformationClass.IdentityAndLocation, $"Offender manager allocated: {d.StaffUsername}."),
            RegistrationAdded or RegistrationDeregistered => Registration(e, person),
            _ => (InformationClass.IdentityAndLocation, e.EventType),
        };
        await push.RecordAsync(person, Entry(e, $"hmpps:{replayKey}", information, Priority.Normal, summary), ct: ct);
        if (sentenceEvents.Of(e, person) is { } sentenceEvent) db.AddOutboxMessage(sentenceEvent, person.Key);

        if (e.EventType == PrisonerReceived && Arrivals.Contains(d.Reason) && NeedsScreening(person))
            await push.RecordAsync(person, Entry(e, $"hmpps:{replayKey}:arrival-screening", InformationClass.ArrivalScreening, Priority.High,
                $"Arrival at {d.PrisonId}: review monitoring now. {RiskPicture(person)}"), ct: ct);
    }

    public static bool NeedsScreening(Person p) =>
        p.Flags.PublicProtection || p.Flags.MappaNominal || p.ProhibitedContactOrders.Count > 0;

    public static string RiskPicture(Person p)
    {
        var parts = new List<string>();
        if (p.Flags.MappaNominal) parts.Add($"MAPPA category {p.MappaCategory?.ToString() ?? "?"}, level {p.MappaLevel?.ToString() ?? "?"}");
        if (p.Flags.PublicProtection) parts.Add("public protection case");
        if (p.RoshCustody is not null) parts.Add($"risk of serious harm: custody {p.RoshCustody}, community {p.RoshCommunity}");
        if (p.ProhibitedContactOrders.Count > 0) parts.Add($"prohibited-contact orders: {string.Join(", ", p.ProhibitedContactOrders)}");
        if (p.RiskRegistrations.Count > 0) parts.Add($"risk registrations: {string.Join(", ", p.RiskRegistrations)}");
        return $"Risk picture: {string.Join("; ", parts)}.";
    }

    private static (InformationClass, string) Registration(HmppsEvent e, Person person)
    {
        var added = e.EventType == RegistrationAdded;
        return e.Details.RegisterTypeCode == MappaRegisterType
            ? (InformationClass.MappaStatus, added
                ? $"MAPPA registration: category {person.MappaCategory?.ToString() ?? "?"}, level {person.MappaLevel?.ToString() ?? "?"}."
                : "MAPPA registration ended.")
            : (InformationClass.RiskLevels, $"Risk registration {e.Details.RegisterTypeCode} {(added ? "added" : "removed")}.");
    }

    private static TimelineEntry Entry(HmppsEvent e, string reference, InformationClass information, Priority priority, string summary) => new()
    {
        Source = "hmpps", EventType = e.EventType, InformationClass = information, Classification = Classification.OfficialSensitive,
        Priority = priority, Summary = summary, OccurredAt = e.OccurredAt, SourceReference = reference,
    };

    private static string Words(string? reason) => (reason ?? "unknown reason").Replace('_', ' ').ToLowerInvariant();
}
