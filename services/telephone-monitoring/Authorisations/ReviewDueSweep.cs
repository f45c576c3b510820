using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.Access;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.TelephoneMonitoring;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring.Authorisations;

/// <summary>
/// Pushes <c>MonitoringAuthorisationReviewDue</c> to the security department once for each review date that falls within
/// <see cref="TelephoneMonitoringOptions.ReviewDueWithinDays"/> days, and once when an authorisation reaches its end
/// without a renewal (from then its calls are no longer content-monitored).
/// </summary>
public sealed class ReviewDueSweep(TelephoneMonitoringDbContext db, IOptions<TelephoneMonitoringOptions> options, TimeProvider time)
{
    private const long SweepLock = 0x5050_485F_5452; // one instance at a time

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SweepLock}) AS \"Value\"").SingleAsync(ct)) return 0;

        var now = time.GetUtcNow();
        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(options.Value.ReviewDueWithinDays);
        var due = await db.Authorisations
            .Where(a => (a.EndsAt > now && a.ReviewDate <= horizon && a.ReviewDueNotifiedFor != a.ReviewDate)
                        || (a.EndsAt <= now && !a.EndNotified))
            .OrderBy(a => a.ReviewDate).Take(200).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var people = due.Select(a => a.PersonKey).Distinct().ToArray();
        var crns = await db.Set<Responsibility>().AsNoTracking()
            .Where(r => people.Contains(r.NomsNumber!)).ToDictionaryAsync(r => r.NomsNumber!, r => r.Crn, ct);
        foreach (var authorisation in due)
        {
            if (authorisation.EndsAt <= now) authorisation.EndNotified = true;
            authorisation.ReviewDueNotifiedFor = authorisation.ReviewDate;
            var person = new PersonReference(authorisation.PersonKey, crns.GetValueOrDefault(authorisation.PersonKey));
            db.AddOutboxMessage(new MonitoringAuthorisationReviewDue(authorisation.Id, person, authorisation.EstablishmentCode,
                authorisation.ReviewDate, authorisation.EndsAt, now, Classification.OfficialSensitive), person.StreamKey);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }
}
