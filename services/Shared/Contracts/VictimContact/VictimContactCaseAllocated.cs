namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>
/// A victim contact case about an offender is allocated to a victim liaison unit (or moved to another).
/// Case-record adds the unit to the person's responsibilities; no victim is named.
/// </summary>
public sealed record VictimContactCaseAllocated(
    Guid CaseId,
    PersonReference Person,
    string VictimLiaisonUnit,
    string? PreviousVictimLiaisonUnit,
    bool Statutory,
    DateTimeOffset OccurredAt,
    Classification Classification);
