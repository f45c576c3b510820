using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PublicProtectionHub.Audit;

/// <summary>
/// Writes audit entries into the service's own database, in the same transaction as the change
/// they describe. It fails closed: if the entry cannot be written, nothing is saved and the
/// caller's request fails.
/// </summary>
public sealed partial class AuditLog(DbContext db, TimeProvider time, ILogger<AuditLog> logger)
{
    // Serialises writers so each entry links to the one committed before it.
    private const long ChainLock = 0x5050_485F_4155; // "PPH_AU"

    /// <summary>Saves the context's pending changes together with the entry, atomically.</summary>
    public async Task SaveAsync(AuditRecord record, CancellationToken ct = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        try
        {
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            // The chain lock is held until commit and every audited write in the service waits for it: write the
            // operation's own changes first, so only the chain's link and insert are done while holding it.
            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
            var previous = await db.Set<AuditEntry>().OrderByDescending(e => e.Sequence)
                .Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;

            var entry = new AuditEntry
            {
                Id = Guid.CreateVersion7(),
                OccurredAt = ToDatabasePrecision(time.GetUtcNow()),
                Subject = record.Actor.Subject,
                Role = record.Actor.Role,
                Agency = record.Actor.Agency,
                ClientId = record.Actor.ClientId,
                Action = record.Action,
                Records = [.. record.Records],
                Justification = record.Justification,
                Recipients = [.. record.Recipients ?? []],
                CorrelationId = record.CorrelationId,
                Outcome = record.Outcome,
                Operation = record.Operation,
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = AuditChain.HashOf(entry);
            db.Set<AuditEntry>().Add(entry);
            await db.SaveChangesAsync(ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            LogAuditWriteFailed(record.Operation, e.GetType().Name);
            throw new AuditUnavailableException(e);
        }
    }

    // PostgreSQL keeps microseconds; the hash must be of the instant as stored.
    private static DateTimeOffset ToDatabasePrecision(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    [LoggerMessage(LogLevel.Error, "The audit entry for {Operation} could not be written ({ErrorType}); the operation is refused")]
    private partial void LogAuditWriteFailed(string operation, string errorType);
}

/// <summary>The audit log could not be written, so the operation it would have recorded did not happen.</summary>
public sealed class AuditUnavailableException(Exception inner)
    : Exception("The audit log could not be written; the operation was refused.", inner);
