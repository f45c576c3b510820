namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>A statutory deadline (referral or first contact) passed with the step not done.</summary>
public sealed record VictimContactOverdue(
    Guid CaseId,
    PersonReference Person,
    string VictimLiaisonUnit,
    string Deadline,
    DateOnly Due,
    DateTimeOffset OccurredAt,
    Classification Classification);
