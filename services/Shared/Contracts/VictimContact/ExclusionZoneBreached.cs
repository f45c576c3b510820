namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>
/// The person was found inside an active zone outside its windows. Case-record pushes it, high priority,
/// to the allocated VLO (so the victim can be warned) and the person's other practitioners. No location.
/// </summary>
[SensitiveContract]
public sealed record ExclusionZoneBreached(
    Guid BreachId,
    Guid ZoneId,
    string? OrderReference,
    PersonReference Person,
    string Summary,
    DateTimeOffset OccurredAt,
    Classification Classification);
