namespace PublicProtectionHub.Messaging.Outbox;

/// <summary>
/// An event waiting to be published, written in the same transaction as the change it
/// describes. <see cref="Sequence"/> orders a stream; <see cref="MessageId"/> is the id the
/// broker and the consumers' inboxes see, so a re-publication after a crash is recognised.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public Guid MessageId { get; set; }
    public required string StreamId { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public string? TraceParent { get; set; }
    public string? TraceState { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The exception type of the last failed attempt; never its message, which may hold data.</summary>
    public string? LastError { get; set; }
}
