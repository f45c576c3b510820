namespace PublicProtectionHub.Contracts.VictimContact;

/// <summary>An order was revoked: its numbers stop matching from <see cref="OccurredAt"/>.</summary>
[SensitiveContract]
public sealed record ProhibitedContactOrderRevoked(
    Guid OrderId,
    string OrderReference,
    PersonReference Person,
    string Summary,
    DateTimeOffset OccurredAt,
    Classification Classification);
