using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Jobs;

/// <summary>
/// Pushes a case's missed statutory deadlines to its unit, once each: a referral made after its due date
/// (<c>referral</c>), and no first contact with a victim by its due date (<c>first-contact</c>).
/// </summary>
public sealed class OverdueSweep(VictimContactDbContext db, TimeProvider time) : IScheduledJob
{
    public const string Referral = "referral", FirstContact = "first-contact";
    public long LockKey => 0x5650_4F56_4455; // "VPOVDU"

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = LondonDate.Today(time);
        var late = await db.Cases
            .Where(c => c.Statutory && c.ClosedAt == null
                && ((c.ReferredOn > c.ReferralDue && c.ReferralOverdueNotifiedAt == null)
                    || (c.FirstContactOn == null && c.FirstContactDue < today && c.FirstContactOverdueNotifiedAt == null)))
            .OrderBy(c => c.OpenedAt).Take(100).ToListAsync(ct);
        foreach (var c in late)
        {
            if (c.ReferredOn > c.ReferralDue && c.ReferralOverdueNotifiedAt is null)
            {
                Publish(c, Referral, c.ReferralDue, now);
                c.ReferralOverdueNotifiedAt = now;
            }

            if (c.FirstContactOn is null && c.FirstContactDue < today && c.FirstContactOverdueNotifiedAt is null)
            {
                Publish(c, FirstContact, c.FirstContactDue, now);
                c.FirstContactOverdueNotifiedAt = now;
            }
        }

        await db.SaveChangesAsync(ct);
        return late.Count;
    }

    private void Publish(VictimContactCase c, string deadline, DateOnly due, DateTimeOffset now) =>
        db.AddOutboxMessage(new VictimContactOverdue(c.Id, c.Person, c.VictimLiaisonUnit, deadline, due, now, Classification.OfficialSensitive),
            c.Person.StreamKey);
}
