using System.Text.Json.Serialization;
using PublicProtectionHub.CaseRecord.Timeline;

namespace PublicProtectionHub.CaseRecord.Push;

[JsonConverter(typeof(JsonStringEnumConverter<InboxItemState>))]
public enum InboxItemState
{
    [JsonStringEnumMemberName("unread")] Unread,
    [JsonStringEnumMemberName("read")] Read,
    [JsonStringEnumMemberName("acknowledged")] Acknowledged,
}

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryReason>))]
public enum DeliveryReason
{
    /// <summary>The practitioner is responsible for the person and entitled to the entry's class.</summary>
    [JsonStringEnumMemberName("responsible")] Responsible,

    /// <summary>A high-priority item nobody acknowledged in time, sent to the duty officer.</summary>
    [JsonStringEnumMemberName("escalation")] Escalation,
}

/// <summary>
/// One timeline entry delivered to one practitioner: the record of who was told what, when, and whether
/// they acknowledged it. <see cref="Sequence"/> numbers a practitioner's items 1, 2, 3… in commit order,
/// and is the Server-Sent Events id, so a stream resumed from the last id seen misses and repeats nothing.
/// </summary>
public sealed class InboxItem
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public long Sequence { get; set; }
    public long TimelineEntryId { get; set; }
    public TimelineEntry? Entry { get; set; }
    public Guid PersonId { get; set; }
    public Priority Priority { get; set; }
    public DeliveryReason Reason { get; set; }

    /// <summary>The recipient's role and scope when delivered, e.g. <c>prison-security</c> at <c>EXI</c>: escalation goes to that scope's duty officer.</summary>
    public required string RecipientRole { get; set; }
    public string? RecipientScope { get; set; }

    public InboxItemState State { get; set; }
    public DateTimeOffset DeliveredAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }

    /// <summary>When an unacknowledged high-priority item escalates; null for items that never do.</summary>
    public DateTimeOffset? EscalateAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
}

/// <summary>The last <see cref="InboxItem.Sequence"/> given to a practitioner.</summary>
public sealed class InboxCounter
{
    public required string UserName { get; set; }
    public long LastSequence { get; set; }
}
