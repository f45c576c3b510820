using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Microsoft.Extensions.Logging;

namespace PublicProtectionHub.Audit;

/// <summary>
/// Writes audit entries into the service's own database, in the same transaction as the change
/// they describe. It fails closed: if the entry cannot be written, nothing is saved and the
/// caller's request fails.
/// </summary>
public sealed partial class AuditLog(DbContext db, TimeProvider time, ILogger<AuditLog> logger)
{
    // Serialises a chain's writers so each entry links to the one committed before it in that chain.
    private const int ChainLocks = 0x5050_4155; // "PPAU": the class of the two-key locks, one per chain
    private static int s_lastChain = -1;

    /// <summary>
    /// The chain this writer's entries join: one for everything it writes, so no transaction ever holds two chains' locks
    /// (no deadlocks); successive writers (one per request) take the chains in turn.
    /// </summary>
    public short Chain { get; } = (short)((uint)Interlocked.Increment(ref s_lastChain) % AuditChain.Count);

    // Entries saved in a caller's transaction, written by AuditCommitInterceptor just before it commits.
    // Tagged with its transaction: one disposed without a commit or a rollback call leaves no entries for the next.
    private readonly List<AuditRecord> _atCommit = [];
    private Guid _atCommitTransaction;
    private readonly Lazy<AuditCommitInterceptor?> _atCommitBy = new(() => AuditCommitInterceptor.On(db));

    /// <summary>Saves the context's pending changes together with the entry, atomically.</summary>
    public Task SaveAsync(AuditRecord record, CancellationToken ct = default) => SaveAsync([record], ct);

    /// <summary>
    /// Saves the context's pending changes together with the entries, atomically, chained in the order given: one chain
    /// lock and one insert however many there are. In a caller's transaction on a context with
    /// <see cref="AuditCommitInterceptor"/>, the changes are saved now and the entries written just before it commits.
    /// </summary>
    public async Task SaveAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        if (!ownTransaction && _atCommitBy.Value is { } atCommit)
        {
            await FailingClosedAsync(records, () => db.SaveChangesAsync(ct));
            var transactionId = db.Database.CurrentTransaction!.TransactionId;
            if (_atCommitTransaction != transactionId) _atCommit.Clear();
            _atCommitTransaction = transactionId;
            _atCommit.AddRange(records);
            atCommit.Enlist(db, this);
            return;
        }

        await FailingClosedAsync(records, async () =>
        {
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            // The chain's lock is held until commit and the chain's other writers wait for it: write the operation's own
            // changes first, so only the chain's link and insert are done while holding it.
            await db.SaveChangesAsync(ct);
            await InsertAsync(Chained(records, await ChainHeadUnderLockAsync(ct)), ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        });
    }

    /// <summary>The entries saved in this transaction, chained after the newest, just before it commits.</summary>
    internal async Task WriteAtCommitAsync(Guid committing, CancellationToken ct)
    {
        var records = committing == _atCommitTransaction ? _atCommit.ToList() : [];
        _atCommit.Clear();
        if (records.Count == 0) return;
        await FailingClosedAsync(records, async () => await InsertAsync(Chained(records, await ChainHeadUnderLockAsync(ct)), ct));
    }

    internal void DiscardAtCommit() => _atCommit.Clear();

    /// <summary>Fail closed: if the write fails, nothing tracked is kept and the caller's operation is refused.</summary>
    private async Task FailingClosedAsync(IReadOnlyList<AuditRecord> records, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            LogAuditWriteFailed(records.Count == 1 ? records[0].Operation : $"{records.Count} operations", e.GetType().Name);
            throw new AuditUnavailableException(e);
        }
    }

    private List<AuditEntry> Chained(IReadOnlyList<AuditRecord> records, string previous)
    {
        var at = ToDatabasePrecision(time.GetUtcNow());
        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            entries.Add(EntryOf(record, at, previous));
            previous = entries[^1].Hash;
        }

        return entries;
    }

    /// <summary>
    /// Takes the chain's lock, then reads its newest entry's hash, in one round trip. Two statements, not one: under read
    /// committed each statement sees what was committed when it started, so the read must start after the lock is held.
    /// </summary>
    private async Task<string> ChainHeadUnderLockAsync(CancellationToken ct)
    {
        await using var batch = BatchInTransaction();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1, $2)")
        {
            Parameters = { new NpgsqlParameter<int> { TypedValue = ChainLocks }, new NpgsqlParameter<int> { TypedValue = Chain } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT hash FROM {AuditModel.Schema}.entries WHERE chain = $1 ORDER BY sequence DESC LIMIT 1")
        {
            Parameters = { new NpgsqlParameter<short> { TypedValue = Chain } },
        });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetString(0) : AuditChain.Genesis;
    }

    /// <summary>The entries in one round trip, in chain order (so their sequence numbers follow it), without EF's change tracking.</summary>
    private async Task InsertAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        await using var batch = BatchInTransaction();
        foreach (var e in entries)
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                INSERT INTO {AuditModel.Schema}.entries (chain, id, occurred_at, subject, role, agency, client_id, action, records, justification,
                    recipients, correlation_id, outcome, operation, previous_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                """)
            {
                Parameters =
                {
                    new NpgsqlParameter<short> { TypedValue = e.Chain },
                    new NpgsqlParameter<Guid> { TypedValue = e.Id },
                    new NpgsqlParameter<DateTimeOffset> { TypedValue = e.OccurredAt, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    new NpgsqlParameter<string> { TypedValue = e.Subject },
                    new NpgsqlParameter<string> { TypedValue = e.Role },
                    new NpgsqlParameter<string> { TypedValue = e.Agency },
                    new NpgsqlParameter { Value = (object?)e.ClientId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new NpgsqlParameter<string> { TypedValue = e.Action.ToString() },
                    new NpgsqlParameter<List<string>> { TypedValue = e.Records },
                    new NpgsqlParameter<string> { TypedValue = e.Justification },
                    new NpgsqlParameter<List<string>> { TypedValue = e.Recipients },
                    new NpgsqlParameter { Value = (object?)e.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new NpgsqlParameter<string> { TypedValue = e.Outcome.ToString() },
                    new NpgsqlParameter<string> { TypedValue = e.Operation },
                    new NpgsqlParameter<string> { TypedValue = e.PreviousHash },
                    new NpgsqlParameter<string> { TypedValue = e.Hash },
                },
            });
        await batch.ExecuteNonQueryAsync(ct);
    }

    private NpgsqlBatch BatchInTransaction() =>
        new((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());

    private AuditEntry EntryOf(AuditRecord record, DateTimeOffset at, string previous)
    {
        var entry = new AuditEntry
        {
            Chain = this.Chain,
            Id = Guid.CreateVersion7(),
            OccurredAt = at,
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
        return entry;
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
