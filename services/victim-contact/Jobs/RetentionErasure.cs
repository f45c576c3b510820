using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Orders;

namespace PublicProtectionHub.VictimContact.Jobs;

public sealed class RetentionOptions
{
    public const string Section = "VictimContact:Retention";

    /// <summary>How long after a case closes its victims' personal details are kept.</summary>
    public TimeSpan AfterClosure { get; set; } = TimeSpan.FromDays(730);
}

/// <summary>
/// Erases victims' personal details once their case has been closed for <see cref="RetentionOptions.AfterClosure"/>:
/// the victims' details, the contact log's notes, and the numbers and addresses of orders no longer in force.
/// The erasure is audited with ids only.
/// </summary>
public sealed class RetentionErasure(VictimContactDbContext db, AuditLog audit, IOptions<RetentionOptions> options, TimeProvider time) : IScheduledJob
{
    public const string Purpose = "retention period after the case closed ended";
    public long LockKey => 0x5650_5245_544E; // "VPRETN"

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var closedBefore = now - options.Value.AfterClosure;
        var victims = await db.Victims
            .Where(v => v.ErasedAt == null && db.Cases.Any(c => c.Id == v.CaseId && c.ClosedAt != null && c.ClosedAt <= closedBefore))
            .OrderBy(v => v.AddedAt).Take(100).ToListAsync(ct);
        if (victims.Count == 0) return 0;

        var caseIds = victims.Select(v => v.CaseId).Distinct().ToList();
        foreach (var victim in victims) VictimDetails.Erase(victim, now);
        await db.ContactLog.Where(e => caseIds.Contains(e.CaseId))
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Notes, (byte[]?)null), ct);
        await db.Orders.Where(o => caseIds.Contains(o.CaseId) && o.Status != OrderStatus.Active && o.Status != OrderStatus.Varied)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.ProhibitedNumbers, (byte[]?)null).SetProperty(x => x.ProhibitedAddresses, (byte[]?)null), ct);
        await audit.SaveAsync(new AuditRecord(AuditActor.System, AuditAction.Erasure, "job retention-erasure",
            [.. caseIds.Select(CaseAccess.Record), .. victims.Select(v => CaseAccess.VictimRecord(v.Id))], Purpose), ct);
        return victims.Count;
    }
}
