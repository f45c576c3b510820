namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>
/// The allocated VLO must tell the victim about an event in the offender's sentence. It states what may be
/// disclosed and what may not; it names no victim.
/// </summary>
public sealed record VictimInformationTaskRaised(
    Guid TaskId,
    Guid CaseId,
    PersonReference Person,
    string VictimLiaisonUnit,
    string SentenceEvent,
    IReadOnlyList<string> MayDisclose,
    IReadOnlyList<string> MustNotDisclose,
    DateOnly Due,
    DateTimeOffset OccurredAt,
    Classification Classification);
