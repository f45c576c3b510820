using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PublicProtectionHub.Messaging.Inbox;

/// <summary>
/// Runs each consumer inside a transaction that first records (consumer, message id). A redelivery
/// of a message whose effect already committed finds the record and is acknowledged without a
/// second effect; if the consumer fails, the transaction (record included) rolls back and the
/// message is retried or goes to the error queue, never acknowledged as done.
/// </summary>
public sealed partial class InboxFilter<TMessage>(
    MessageStoreContext store,
    TimeProvider time,
    ILogger<InboxFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId ?? ContentId(context.ReceiveContext.Body.GetBytes());
        var consumer = ConsumerName(context.ReceiveContext.InputAddress);
        var db = store.Context;

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var now = time.GetUtcNow();
        var recorded = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO messaging.inbox_messages (consumer, message_id, received_at)
            VALUES ({consumer}, {messageId}, {now}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        if (recorded == 0)
        {
            LogDuplicate(messageId, consumer);
            return;
        }

        try
        {
            await next.Send(context);
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    internal static string ConsumerName(Uri inputAddress) => inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    /// <summary>
    /// Messages from outside the hub (raw JSON, such as HMPPS domain events) may carry no message id:
    /// for them the same body is the same message.
    /// </summary>
    private static Guid ContentId(byte[] body) => new(System.Security.Cryptography.SHA256.HashData(body).AsSpan(0, 16));

    [LoggerMessage(LogLevel.Information, "Message {MessageId} was already applied by {Consumer}; acknowledged without a second effect")]
    private partial void LogDuplicate(Guid messageId, string consumer);
}
