using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows in sequence order, each with the message id stored on its row,
/// and marks them sent once the broker has confirmed. A row is only marked after its confirm, so a
/// crash in between re-publishes it with the same id and the consumers' inboxes absorb it.
/// </summary>
public sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly ActivitySource Source = new(TelemetryExtensions.HubSource);
    private readonly OutboxOptions _options = options.Value;
    private int _consecutiveFailures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var leadership = new DispatcherLeadership(ConnectionString());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await leadership.TryHoldAsync(stoppingToken))
                {
                    await Task.Delay(_options.LeadershipRetry, time, stoppingToken);
                    continue;
                }

                var result = await DispatchPendingAsync(stoppingToken);
                if (result.Failed)
                {
                    await Task.Delay(Backoff(++_consecutiveFailures), time, stoppingToken);
                    continue;
                }

                _consecutiveFailures = 0;
                if (result.Published < _options.BatchSize)
                    await signal.WaitAsync(_options.EffectivePollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogDispatchLoopFailed(e.GetType().Name);
                await Task.Delay(Backoff(++_consecutiveFailures), time, stoppingToken);
            }
        }
    }

    /// <summary>One pass over the pending rows. Public so tests and tools can drive it directly.</summary>
    public async Task<DispatchResult> DispatchPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = time.GetUtcNow();
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DispatchedAt == null)
            .OrderBy(m => m.Sequence)
            .Take(_options.BatchSize)
            .ToListAsync(ct);

        var heldBack = new HashSet<string>();
        var sent = new List<long>(rows.Count);
        var brokerFailed = false;
        foreach (var row in rows)
        {
            // A stream waits behind its earliest unsent row, so its order is kept.
            if (heldBack.Contains(row.StreamId)) continue;
            if (row.NextAttemptAt > now)
            {
                heldBack.Add(row.StreamId);
                continue;
            }

            (object Message, Type Type) content;
            try
            {
                content = Read(row);
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or NotSupportedException)
            {
                // This row cannot be published as it stands; its stream waits, the others go on.
                heldBack.Add(row.StreamId);
                await RecordFailureAsync(db, row, e);
                continue;
            }

            try
            {
                await PublishAsync(row, content.Message, content.Type, ct);
                sent.Add(row.Sequence);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Almost always the broker: stop the pass rather than time out row after row.
                brokerFailed = true;
                await RecordFailureAsync(db, row, e);
                break;
            }
        }

        if (sent.Count > 0) await MarkDispatchedAsync(db, sent);
        return new DispatchResult(sent.Count, brokerFailed);
    }

    /// <summary>
    /// Committed without waiting for the WAL to reach the disk: if PostgreSQL crashes before it does, the rows are
    /// published again with the same ids and the consumers' inboxes absorb them, as after a crash before the mark.
    /// Waiting made every message behind these wait too whenever the disk was slow to sync (seen at 150-380 ms).
    /// </summary>
    private async Task MarkDispatchedAsync(TDbContext db, List<long> sent)
    {
        var dispatchedAt = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit TO OFF", CancellationToken.None);
        await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Sequence))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, dispatchedAt), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task RecordFailureAsync(TDbContext db, OutboxMessage row, Exception failure)
    {
        var attempts = row.Attempts + 1;
        var retryAt = time.GetUtcNow() + Backoff(attempts);
        var error = failure.GetType().Name;
        await db.Set<OutboxMessage>().Where(m => m.Sequence == row.Sequence)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
        LogPublishFailed(row.MessageId, attempts, error);
    }

    private static (object Message, Type Type) Read(OutboxMessage row)
    {
        var type = MessageTypeName.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxExtensions.Json)
            ?? throw new InvalidOperationException("An outbox row has an empty body.");
        return (message, type);
    }

    private async Task PublishAsync(OutboxMessage row, object message, Type type, CancellationToken ct)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = Source.StartActivity("outbox dispatch", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = row.MessageId;
            context.Headers.Set(MessageHeaders.Stream, row.StreamId);
        }), timeout.Token);
    }

    private TimeSpan Backoff(int attempts)
    {
        var millis = _options.MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(millis, _options.MaxBackoff.TotalMilliseconds));
    }

    private string ConnectionString()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database connection string is not configured.");
    }

    [LoggerMessage(LogLevel.Warning, "Outbox dispatch loop failed ({ErrorType}); backing off")]
    private partial void LogDispatchLoopFailed(string errorType);

    [LoggerMessage(LogLevel.Warning, "Publishing outbox message {MessageId} failed (attempt {Attempts}, {ErrorType}); it will be retried")]
    private partial void LogPublishFailed(Guid messageId, int attempts, string errorType);
}

public readonly record struct DispatchResult(int Published, bool Failed);
