using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.CaseRecord;
using static PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.HmppsEventTypes;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// The HMPPS movements a victim may have the right to be told about, as <see cref="SentenceEventRecorded"/> for
/// victim-contact. A readmission is taken for a recall (the person was on licence); a transfer into one of
/// <c>SentenceEvents:OpenPrisons</c> is a move to open conditions. Parole and licence-condition events do not
/// arrive as HMPPS movements and are not derived here.
/// </summary>
public sealed class SentenceEvents(IConfiguration configuration)
{
    // Category D (open) prisons in England and Wales; configurable as the estate changes.
    private static readonly string[] DefaultOpenPrisons = ["FDI", "LYI", "NSI", "HBI", "KMI", "TCI", "SPI", "HDI", "EHI", "SUI"];

    private IReadOnlyCollection<string> OpenPrisons =>
        configuration.GetSection("SentenceEvents:OpenPrisons").Get<string[]>() is { Length: > 0 } configured ? configured : DefaultOpenPrisons;

    public SentenceEventRecorded? Of(HmppsEvent e, Person person)
    {
        var d = e.Details;
        var sentenceEvent = (e.EventType, d.Reason) switch
        {
            (PrisonerReleased, "RELEASED") => "released",
            (PrisonerReleased, "TEMPORARY_ABSENCE_RELEASE") => "temporary-release",
            (PrisonerReceived, "READMISSION") => "recalled",
            (PrisonerReceived, "TRANSFERRED") when d.PrisonId is { } prison && OpenPrisons.Contains(prison) => "transferred-to-open-conditions",
            _ => null,
        };
        if (sentenceEvent is null) return null;

        var area = person.Responsibilities.ProbationDeliveryUnit ?? person.Responsibilities.PoliceForce;
        return new SentenceEventRecorded(Guid.CreateVersion7(), new PersonReference(person.NomsNumber, person.Crn), sentenceEvent, d.Reason,
            d.PrisonId, area, e.OccurredAt, Classification.OfficialSensitive);
    }
}
