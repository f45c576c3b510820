namespace PublicProtectionHub.Contracts.VictimContact;

[SensitiveContract]
public sealed record ExclusionZoneRevoked(
    Guid ZoneId,
    string? OrderReference,
    PersonReference Person,
    DateTimeOffset OccurredAt,
    Classification Classification);
