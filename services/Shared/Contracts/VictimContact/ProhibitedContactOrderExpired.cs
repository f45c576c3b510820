namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>An order reached its end of validity: its numbers stop matching from <see cref="OccurredAt"/>.</summary>
[SensitiveContract]
public sealed record ProhibitedContactOrderExpired(
    Guid OrderId,
    string OrderReference,
    PersonReference Person,
    DateTimeOffset OccurredAt,
    Classification Classification);
