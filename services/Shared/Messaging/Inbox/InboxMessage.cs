namespace PublicProtectionHub.Messaging.Inbox;

/// <summary>A message a consumer has already applied, recorded in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public required string Consumer { get; set; }
    public Guid MessageId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
