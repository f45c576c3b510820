namespace PublicProtectionHub.Contracts.CaseRecord;

/// <summary>
/// Something happened in a person's sentence that a victim may have the right to be told about:
/// <c>released</c>, <c>temporary-release</c>, <c>transferred-to-open-conditions</c>, <c>parole-consideration</c>,
/// <c>recalled</c>, <c>licence-condition-ended</c>. Published by case-record from the HMPPS events it applies.
/// </summary>
public sealed record SentenceEventRecorded(
    Guid EventId,
    PersonReference Person,
    string SentenceEvent,
    string? Reason,
    string? EstablishmentCode,
    string? ReleaseArea,
    DateTimeOffset OccurredAt,
    Classification Classification);
