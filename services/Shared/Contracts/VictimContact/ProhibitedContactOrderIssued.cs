namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>A phone number the offender must not call, as a keyed hash: never the number itself.</summary>
public sealed record ProhibitedNumberHash(string Hash, int KeyVersion);

/// <summary>
/// A prohibited-contact order was issued. It carries the terms the offender's practitioners
/// need and nothing that identifies the protected people.
/// </summary>
[SensitiveContract]
public sealed record ProhibitedContactOrderIssued(
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
