using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using PublicProtectionHub.Audit;
using PublicProtectionHub.TelephoneMonitoring.Alerts;
using PublicProtectionHub.TelephoneMonitoring.Data;
using PublicProtectionHub.TelephoneMonitoring.Watchlist;

namespace PublicProtectionHub.TelephoneMonitoring.Calls;

/// <summary>
/// Stores a batch of valid call records in one transaction: one insert for the batch (a call id already held is
/// left as it was and goes no further), one watchlist query, the alerts, and the audit entry.
/// </summary>
public sealed class CallRecordBatch(
    TelephoneMonitoringDbContext db, WatchlistMatcher matcher, AlertAggregator alerts, AuditLog audit, TimeProvider time)
{
    public const string Purpose = "receive call records from the PIN phone provider and screen them against the watchlist";

    public sealed record Outcome(int Accepted, int Duplicates, int Matched, int Alerts);

    public async Task<Outcome> StoreAsync(IReadOnlyList<ValidCall> batch, Func<IReadOnlyList<string>, AuditRecord> auditRecord, CancellationToken ct)
    {
        if (batch.Count == 0) return new Outcome(0, 0, 0, 0);
        var unique = batch.DistinctBy(c => c.CallId, StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var monitored = await ContentMonitoredAsync(unique, ct);
        var inserted = await InsertAsync(unique, monitored, now, transaction, ct);
        var fresh = unique.Where(c => inserted.Contains(c.CallId)).ToList();

        var hits = await matcher.MatchAsync([.. fresh.Select(c => new WatchlistMatcher.Dialled(c.NomsNumber, c.Hashes, c.StartedAt))], ct);
        var matches = fresh.Zip(hits).Where(p => p.Second is not null).Select(p => (p.First, p.Second!)).ToList();
        var raised = await alerts.RaiseAsync(matches, ct);

        if (fresh.Count > 0)
            await audit.SaveAsync(auditRecord([.. fresh.Select(c => c.NomsNumber).Distinct().Order()]), ct);
        else
            await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Outcome(fresh.Count, batch.Count - fresh.Count, matches.Count, raised);
    }

    /// <summary>Whether a Rule 35A authorisation was in force for each call when it started.</summary>
    private async Task<bool[]> ContentMonitoredAsync(IReadOnlyList<ValidCall> calls, CancellationToken ct)
    {
        var people = calls.Select(c => c.NomsNumber).Distinct().ToArray();
        var from = calls.Min(c => c.StartedAt);
        var to = calls.Max(c => c.StartedAt);
        var periods = await db.Authorisations.AsNoTracking()
            .Where(a => people.Contains(a.PersonKey) && a.EndsAt > from && a.StartsAt <= to)
            .Select(a => new { a.PersonKey, a.StartsAt, a.EndsAt }).ToListAsync(ct);
        return [.. calls.Select(c => periods.Any(p => p.PersonKey == c.NomsNumber && p.StartsAt <= c.StartedAt && c.StartedAt < p.EndsAt))];
    }

    private async Task<HashSet<string>> InsertAsync(
        IReadOnlyList<ValidCall> calls, bool[] monitored, DateTimeOffset now, IDbContextTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO calls.call_records
                ("CallId", "NomsNumber", "PrisonId", "DialledHash", "KeyVersion", "StartedAt", "DurationSeconds", "Outcome", "ContentMonitored", "ReceivedAt")
            SELECT *, @received FROM unnest(@ids, @noms, @prisons, @hashes, @versions, @started, @durations, @outcomes, @monitored)
            ON CONFLICT ("CallId") DO NOTHING
            RETURNING "CallId"
            """, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. calls.Select(c => c.CallId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("noms", [.. calls.Select(c => c.NomsNumber)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("prisons", [.. calls.Select(c => c.PrisonId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("hashes", [.. calls.Select(c => c.Current.Hash)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("versions", [.. calls.Select(c => c.Current.KeyVersion)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("started", [.. calls.Select(c => c.StartedAt)])
            { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<int[]>("durations", [.. calls.Select(c => c.DurationSeconds)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("outcomes", [.. calls.Select(c => c.Outcome)]));
        command.Parameters.Add(new NpgsqlParameter<bool[]>("monitored", monitored));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("received", now) { NpgsqlDbType = NpgsqlDbType.TimestampTz });

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) inserted.Add(reader.GetString(0));
        return inserted;
    }
}
