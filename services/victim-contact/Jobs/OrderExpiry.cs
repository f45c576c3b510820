using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Orders;

namespace PublicProtectionHub.VictimContact.Jobs;

/// <summary>An order in force whose validity has ended expires by itself: <c>ProhibitedContactOrderExpired</c> at its end time.</summary>
public sealed class OrderExpiry(VictimContactDbContext db, OrderEvents events, AuditLog audit, TimeProvider time) : IScheduledJob
{
    public const string Purpose = "expire prohibited-contact orders at the end of their validity";
    public long LockKey => 0x5650_4F45_5850; // "VPOEXP"

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ended = await db.Orders
            .Where(o => (o.Status == OrderStatus.Active || o.Status == OrderStatus.Varied) && o.ValidUntil != null && o.ValidUntil <= now)
            .OrderBy(o => o.ValidUntil).Take(100).ToListAsync(ct);
        if (ended.Count == 0) return 0;
        var caseIds = ended.Select(o => o.CaseId).ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var order in ended)
        {
            order.Status = OrderStatus.Expired;
            order.ChangedAt = now;
            events.Expired(order, cases[order.CaseId], order.ValidUntil!.Value);
        }

        await audit.SaveAsync(new AuditRecord(AuditActor.System, AuditAction.Alteration, "job order-expiry",
            [.. ended.Select(o => $"order:{o.Id}")], Purpose), ct);
        return ended.Count;
    }
}
