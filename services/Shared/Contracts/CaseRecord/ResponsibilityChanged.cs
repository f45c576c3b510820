namespace PublicProtectionHub.Contracts.CaseRecord;

/// <summary>
/// Who is responsible for a person now. Every service keeps a local copy of these
/// to decide need-to-know on its own (see ACCESS.md).
/// </summary>
public sealed record ResponsibilityChanged(
    PersonReference Person,
    string? EstablishmentCode,
    bool InCommunity,
    string? OffenderSupervisorId,
    string? OffenderManagerId,
    string? ProbationDeliveryUnit,
    string? PoliceForce,
    IReadOnlyList<string> VictimLiaisonUnits,
    string? MappaArea,
    DateTimeOffset OccurredAt,
    Classification Classification);
