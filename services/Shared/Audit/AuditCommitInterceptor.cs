using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PublicProtectionHub.Audit;

/// <summary>
/// Writes the audit entries saved in a caller's transaction just before it commits, all in one insert. The chain's lock
/// is then held only for the link, the insert and the commit, not from the first audited step of a long transaction
/// (the chain's other writers wait for it). If the entries cannot be written the commit fails: nothing of the
/// transaction is saved. A context without this interceptor writes entries as they are saved.
/// </summary>
public sealed class AuditCommitInterceptor : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, AuditLog> _enlisted = [];

    /// <summary>The interceptor the context was configured with, if any.</summary>
    internal static AuditCommitInterceptor? On(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditCommitInterceptor>().FirstOrDefault();

    internal void Enlist(DbContext db, AuditLog log) => _enlisted.AddOrUpdate(db, log);

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
    {
        if (eventData.Context is { } db && _enlisted.TryGetValue(db, out var log))
        {
            _enlisted.Remove(db);
            await log.WriteAtCommitAsync(eventData.TransactionId, ct);
        }

        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        TransactionCommittingAsync(transaction, eventData, result).AsTask().GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db && _enlisted.TryGetValue(db, out var log))
        {
            _enlisted.Remove(db);
            log.DiscardAtCommit();
        }
    }
}
