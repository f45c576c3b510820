using System.Text.Json.Serialization;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Timeline;

[JsonConverter(typeof(JsonStringEnumConverter<Priority>))]
public enum Priority
{
    [JsonStringEnumMemberName("normal")] Normal,
    [JsonStringEnumMemberName("high")] High,
}

/// <summary>
/// One thing that happened to a person, from whichever service recorded it. The person's timeline is
/// every entry about them wherever they were held, so a new establishment sees what the old one recorded.
/// </summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The service or feed the event came from, e.g. <c>risk-of-harm</c>, <c>hmpps</c>.</summary>
    public required string Source { get; set; }

    /// <summary>What happened, e.g. <c>prisoner.received</c>, <c>telephone-alert.raised</c>.</summary>
    public required string EventType { get; set; }

    public InformationClass InformationClass { get; set; }
    public Classification Classification { get; set; }
    public Priority Priority { get; set; }
    public required string Summary { get; set; }

    /// <summary>The prohibited-contact order an alert is about: victim liaison units see alerts on their victims' orders only.</summary>
    public string? OrderReference { get; set; }

    /// <summary>Where the person was held when it was recorded.</summary>
    public string? EstablishmentCode { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The source's own id for the event: recording it twice is impossible.</summary>
    public required string SourceReference { get; set; }
}
