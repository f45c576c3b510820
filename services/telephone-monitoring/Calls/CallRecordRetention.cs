using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.Audit;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring.Calls;

/// <summary>
/// Erases call records that started more than <see cref="TelephoneMonitoringOptions.CallRecordRetentionMonths"/> months
/// ago, a bounded batch at a time, each batch with an audit entry of metadata only: how many, before when, whose.
/// </summary>
public sealed class CallRecordRetention(TelephoneMonitoringDbContext db, AuditLog audit, IOptions<TelephoneMonitoringOptions> options, TimeProvider time)
{
    public const string Operation = "job call-record-retention";
    private const int Batch = 5000;

    /// <returns>How many call records were erased.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var months = options.Value.CallRecordRetentionMonths;
        var cutoff = time.GetUtcNow().AddMonths(-months);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var erased = await db.Database.SqlQuery<string>($"""
            DELETE FROM calls.call_records WHERE "CallId" IN (
                SELECT "CallId" FROM calls.call_records WHERE "StartedAt" < {cutoff} ORDER BY "StartedAt" LIMIT {Batch} FOR UPDATE SKIP LOCKED)
            RETURNING "NomsNumber" AS "Value"
            """).ToListAsync(ct);
        if (erased.Count == 0) return 0;

        await audit.SaveAsync(new AuditRecord(AuditActor.System, AuditAction.Erasure, Operation, [.. erased.Distinct().Order()],
            string.Create(CultureInfo.InvariantCulture, $"retention: {erased.Count} call records that started before {cutoff:yyyy-MM-dd'T'HH:mm:ss'Z'} ({months} months) erased")), ct);
        await transaction.CommitAsync(ct);
        return erased.Count;
    }
}
