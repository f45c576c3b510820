namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>
/// An order's terms changed, or its prohibited numbers were re-hashed under a new key. The event carries
/// the whole of the new terms: consumers replace what they held, they do not merge.
/// </summary>
[SensitiveContract]
public sealed record ProhibitedContactOrderVaried(
    Guid OrderId,
    string OrderReference,
    PersonReference Person,
    string Kind,
    IReadOnlyList<string> ProhibitedMeans,
    IReadOnlyList<ProhibitedNumberHash> ProhibitedNumbers,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    string Summary,
    DateTimeOffset OccurredAt,
    Classification Classification);
