using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublicProtectionHub.Messaging.Inbox;
using PublicProtectionHub.Messaging.Outbox;

namespace PublicProtectionHub.Messaging;

/// <summary>Bound from <c>Messaging:Inbox</c>.</summary>
public sealed class InboxOptions
{
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a consumer remembers a message id. A redelivery later than this would be applied
    /// again, so it may not be shorter than 14 days.
    /// </summary>
    public TimeSpan Retention { get; set; } = MinimumRetention;

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Deletes sent outbox rows and inbox records once they are older than their windows.</summary>
public sealed partial class MessageStoreJanitor<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> outbox,
    IOptions<InboxOptions> inbox,
    TimeProvider time,
    ILogger<MessageStoreJanitor<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(inbox.Value.CleanupInterval, time);
        do
        {
            try
            {
                await CleanUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCleanupFailed(e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<(int Outbox, int Inbox)> CleanUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = time.GetUtcNow();
        var sentBefore = now - outbox.Value.SentRetention;
        var receivedBefore = now - inbox.Value.Retention;
        var sent = await db.Set<OutboxMessage>().Where(m => m.DispatchedAt != null && m.DispatchedAt < sentBefore).ExecuteDeleteAsync(ct);
        var received = await db.Set<InboxMessage>().Where(m => m.ReceivedAt < receivedBefore).ExecuteDeleteAsync(ct);
        return (sent, received);
    }

    [LoggerMessage(LogLevel.Warning, "Cleaning up the message store failed ({ErrorType}); will try again")]
    private partial void LogCleanupFailed(string errorType);
}
