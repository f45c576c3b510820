namespace PublicProtectionHub.Messaging.TestService;

/// <summary>The event the backbone tests and the benchmark send through the outbox.</summary>
public sealed record ChangeRecorded(Guid ChangeId, string StreamId, int Position, bool Poison, DateTimeOffset CommittedAt);
