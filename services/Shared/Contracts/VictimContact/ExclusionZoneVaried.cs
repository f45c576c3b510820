namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>A zone's shape, windows or validity changed; the event carries the whole of the new zone.</summary>
[SensitiveContract]
public sealed record ExclusionZoneVaried(
    Guid ZoneId,
    string? OrderReference,
    PersonReference Person,
    string Name,
    string GeoJson,
    IReadOnlyList<ExclusionZoneWindow> Windows,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    DateTimeOffset OccurredAt,
    Classification Classification);
