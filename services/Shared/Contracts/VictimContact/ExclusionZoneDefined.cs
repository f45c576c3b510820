namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>
/// An exclusion zone: its shape (GeoJSON Polygon or MultiPolygon, WGS 84) and its windows. Never the
/// victim's address, nor anything that says which point inside the shape matters.
/// </summary>
[SensitiveContract]
public sealed record ExclusionZoneDefined(
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
