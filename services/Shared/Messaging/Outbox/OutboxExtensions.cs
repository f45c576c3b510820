using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Messaging.Outbox;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    /// <summary>
    /// Queues an event to be published once this context's <c>SaveChanges</c> commits.
    /// Events with the same <paramref name="streamId"/> (usually the person) are published in order.
    /// </summary>
    public static Guid AddOutboxMessage<TMessage>(this DbContext db, TMessage message, string streamId)
        where TMessage : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        var activity = Activity.Current;
        var row = new OutboxMessage
        {
            MessageId = MassTransit.NewId.NextGuid(),
            StreamId = streamId,
            MessageType = MessageTypeName.Of(typeof(TMessage)),
            Body = JsonSerializer.Serialize(message, Json),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Set<OutboxMessage>().Add(row);
        return row.MessageId;
    }
}
