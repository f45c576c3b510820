using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.SecureMessages;

/// <summary>A conversation between practitioners about one person, started by one who is responsible for them.</summary>
public sealed class MessageThread
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Subject { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public List<ThreadParticipant> Participants { get; set; } = [];
    public List<SecureMessage> Messages { get; set; } = [];
}

/// <summary>The sender who started the thread and each practitioner they named; nobody joins later.</summary>
public sealed class ThreadParticipant
{
    public Guid ThreadId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>One message; its entry on the person's timeline is what was pushed to the other participants.</summary>
public sealed class SecureMessage
{
    public Guid Id { get; set; }
    public Guid ThreadId { get; set; }
    public required string Sender { get; set; }
    public required string Body { get; set; }

    /// <summary>The protective marking the sender gave this message.</summary>
    public Classification Classification { get; set; }

    public DateTimeOffset SentAt { get; set; }
    public long TimelineEntryId { get; set; }
    public List<ReadReceipt> ReadReceipts { get; set; } = [];
}

/// <summary>A participant other than the sender has read the message.</summary>
public sealed class ReadReceipt
{
    public Guid MessageId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
