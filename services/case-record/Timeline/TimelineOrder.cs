using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Data;

namespace PublicProtectionHub.CaseRecord.Timeline;

/// <summary>
/// Feeds read the timeline by "after entry id", so a reader must never see entry n+1 while n can still commit. Writers
/// hold a shared lock from before their entry is numbered until they commit, so any number of them run at once; a
/// reader takes the lock exclusively for its one query, which waits for the writers in flight to finish and holds new
/// ones back only for that query. Two writers of one source reference take turns, so neither records it twice.
/// </summary>
public static class TimelineOrder
{
    private const long Lock = 0x5050_485F_544C; // "PPH_TL"
    private const int SourceLocks = 0x5050_5352; // "PPSR": the class of the two-key locks on one source reference

    /// <summary>In the writer's transaction, before the entry is added; held until it commits.</summary>
    public static async Task EnterAsWriterAsync(this CaseRecordDbContext db, string sourceReference, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({Lock})", ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SourceLocks}, hashtext({sourceReference}))", ct);
    }

    /// <summary>Runs a feed's query when every entry numbered so far has committed or rolled back.</summary>
    public static async Task<List<T>> ReadCommittedAsync<T>(this CaseRecordDbContext db, IQueryable<T> query, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Lock})", ct);
        var items = await query.ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return items;
    }
}
