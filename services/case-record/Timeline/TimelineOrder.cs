using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Data;

namespace PublicProtectionHub.CaseRecord.Timeline;

/// <summary>
/// Feeds read the timeline by "after entry id", so a reader must never see entry n+1 while n can still commit. Writers
/// hold a shared lock from before their entry is numbered until they commit, so any number of them run at once; a
/// reader takes the lock exclusively just to learn how far the numbering has settled, which waits for the writers in
/// flight to finish and holds new ones back only for that one read. Two writers of one source reference take turns, so
/// neither records it twice.
/// </summary>
public static class TimelineOrder
{
    private const long Lock = 0x5050_485F_544C; // "PPH_TL"
    private const int SourceLocks = 0x5050_5352; // "PPSR": the class of the two-key locks on one source reference

    /// <summary>
    /// In the writer's transaction, before the entry is added; held until it commits. True when an entry with this
    /// source reference is already recorded (checked once the locks are held, in the same round trip).
    /// </summary>
    public static async Task<bool> EnterAsWriterAsync(this CaseRecordDbContext db, string sourceReference, CancellationToken ct)
    {
        await using var batch = db.BatchInTransaction();
        // PostgreSQL evaluates the select list in order, so the shared lock is always taken first.
        batch.BatchCommands.Add(Batches.Statement("SELECT pg_advisory_xact_lock_shared($1), pg_advisory_xact_lock($2, hashtext($3))",
            Lock, SourceLocks, sourceReference));
        batch.BatchCommands.Add(Batches.Statement("""SELECT EXISTS (SELECT 1 FROM timeline.entries WHERE "SourceReference" = $1)""", sourceReference));
        return await batch.ValueOfResultAsync<bool>(1, ct);
    }

    /// <summary>
    /// The newest entry id at or below which every entry has committed or rolled back. Writers that begin after the lock
    /// is released number their entries above it, so a feed's query bounded by it runs with no lock held.
    /// </summary>
    public static async Task<long> SettledUpToAsync(this CaseRecordDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var batch = db.BatchInTransaction();
        batch.BatchCommands.Add(Batches.Statement("SELECT pg_advisory_xact_lock($1)", Lock));
        batch.BatchCommands.Add(Batches.Statement("""SELECT coalesce(max("Id"), 0) FROM timeline.entries"""));
        var settled = await batch.ValueOfResultAsync<long>(1, ct);
        await transaction.CommitAsync(ct);
        return settled;
    }
}
