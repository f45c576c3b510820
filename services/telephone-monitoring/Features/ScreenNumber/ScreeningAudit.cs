using System.Threading.Channels;
using PublicProtectionHub.Audit;

namespace PublicProtectionHub.TelephoneMonitoring.Features.ScreenNumber;

/// <summary>
/// The screening answers' audit entries, group-committed: each request still waits until its own entry is committed
/// (fail closed: no entry, no answer), but the entries that queue up meanwhile share one transaction, one chain lock and
/// one commit, so a thousand answers a second do not queue behind a thousand commits.
/// </summary>
public sealed partial class ScreeningAudit(IServiceScopeFactory scopes, ILogger<ScreeningAudit> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000) { SingleReader = true });

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Committed);

    /// <summary>Returns once the entry is committed; throws <see cref="AuditUnavailableException"/> if it could not be.</summary>
    public async Task WriteAsync(AuditRecord record, CancellationToken ct)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        await pending.Committed.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
                await audit.SaveAsync(batch.ConvertAll(p => p.Record), stoppingToken);
                foreach (var pending in batch) pending.Committed.TrySetResult();
            }
            catch (Exception e)
            {
                LogBatchFailed(batch.Count, e.GetType().Name);
                var failure = e as AuditUnavailableException ?? new AuditUnavailableException(e);
                foreach (var pending in batch) pending.Committed.TrySetException(failure);
                if (e is OperationCanceledException && stoppingToken.IsCancellationRequested) return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "{Count} screening audit entries could not be written ({ErrorType}); those answers are refused")]
    private partial void LogBatchFailed(int count, string errorType);
}
