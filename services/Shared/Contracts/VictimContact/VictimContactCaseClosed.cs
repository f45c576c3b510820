namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>A victim contact case is closed: its unit stops being responsible for the offender through it.</summary>
public sealed record VictimContactCaseClosed(
    Guid CaseId,
    PersonReference Person,
    string VictimLiaisonUnit,
    DateTimeOffset OccurredAt,
    Classification Classification);
