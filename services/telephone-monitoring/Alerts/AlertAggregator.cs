using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.Access;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.TelephoneMonitoring;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.TelephoneMonitoring.Calls;
using PublicProtectionHub.TelephoneMonitoring.Data;
using PublicProtectionHub.TelephoneMonitoring.Watchlist;

namespace PublicProtectionHub.TelephoneMonitoring.Alerts;

/// <summary>
/// Turns matched calls into alerts. Calls by one person to one number within <see cref="TelephoneMonitoringOptions.AlertWindow"/>
/// of the previous one join its alert, which is published again with the same id and the new count (case-record
/// updates the entry it already has). Published through the outbox, in the caller's transaction.
/// </summary>
public sealed class AlertAggregator(TelephoneMonitoringDbContext db, IOptions<TelephoneMonitoringOptions> options, TimeProvider time)
{
    public async Task<int> RaiseAsync(IReadOnlyList<(ValidCall Call, WatchedNumber Entry)> matches, CancellationToken ct)
    {
        if (matches.Count == 0) return 0;
        var window = options.Value.AlertWindow;
        var now = time.GetUtcNow();
        var people = matches.Select(m => m.Call.NomsNumber).Distinct().ToArray();
        var numbers = matches.Select(m => m.Call.Current.Hash).Distinct().ToArray();
        var since = matches.Min(m => m.Call.StartedAt) - window;

        // Two batches with calls to the same number by the same person must join one alert, not open one each:
        // each (person, number) is locked for the rest of the transaction, in a fixed order so batches cannot deadlock.
        var keys = matches.Select(m => $"{m.Call.NomsNumber}:{m.Call.Current.Hash}").Distinct().Order(StringComparer.Ordinal).ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest({keys}) AS k ORDER BY k", ct);
        var open = await db.Alerts
            .Where(a => people.Contains(a.PersonKey) && numbers.Contains(a.NumberHash) && a.LastCallAt >= since)
            .ToListAsync(ct);
        var crns = await db.Set<Responsibility>().AsNoTracking()
            .Where(r => people.Contains(r.NomsNumber!)).ToDictionaryAsync(r => r.NomsNumber!, r => r.Crn, ct);
        var concerns = await ConcernReasonsAsync(matches, ct);

        var touched = new HashSet<TelephoneAlert>();
        foreach (var (call, entry) in matches.OrderBy(m => m.Call.StartedAt))
        {
            var alert = open.FirstOrDefault(a => a.PersonKey == call.NomsNumber && a.NumberHash == call.Current.Hash
                && call.StartedAt >= a.FirstCallAt - window && call.StartedAt <= a.LastCallAt + window);
            if (alert is null)
            {
                alert = new TelephoneAlert
                {
                    AlertId = Guid.CreateVersion7(), PersonKey = call.NomsNumber, NumberHash = call.Current.Hash,
                    EstablishmentCode = call.PrisonId, OrderReference = entry.OrderReference, ConcernId = entry.ConcernId,
                    Severity = AlertSeverity.Medium, FirstCallAt = call.StartedAt, LastCallAt = call.StartedAt, RaisedAt = now,
                };
                db.Alerts.Add(alert);
                open.Add(alert);
            }

            alert.CallCount++;
            alert.Connected |= call.Connected;
            alert.ChildContact |= entry.ChildContact;
            if (call.StartedAt < alert.FirstCallAt) alert.FirstCallAt = call.StartedAt;
            if (call.StartedAt > alert.LastCallAt)
            {
                alert.LastCallAt = call.StartedAt;
                alert.EstablishmentCode = call.PrisonId;
            }

            alert.Severity = AlertSeverity.Of(alert.ChildContact, alert.Connected);
            alert.UpdatedAt = now;
            touched.Add(alert);
        }

        foreach (var alert in touched)
        {
            var person = new PersonReference(alert.PersonKey, crns.GetValueOrDefault(alert.PersonKey));
            db.AddOutboxMessage(new TelephoneMonitoringAlertRaised(
                alert.AlertId, person, alert.EstablishmentCode, alert.OrderReference, alert.Connected, alert.CallCount, alert.Severity,
                Summary(alert, concerns), now, Classification.OfficialSensitive), person.StreamKey);
        }

        return touched.Count;
    }

    private async Task<Dictionary<Guid, string>> ConcernReasonsAsync(IReadOnlyList<(ValidCall Call, WatchedNumber Entry)> matches, CancellationToken ct)
    {
        var ids = matches.Where(m => m.Entry.ConcernId is not null).Select(m => m.Entry.ConcernId!.Value).Distinct().ToArray();
        if (ids.Length == 0) return [];
        return await db.NumbersOfConcern.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reason, ct);
    }

    // Says what was breached and how often; never whose number it is.
    private static string Summary(TelephoneAlert alert, Dictionary<Guid, string> concerns)
    {
        var calls = alert.Connected ? "connected call(s)" : "attempted call(s), none connected";
        var what = alert.OrderReference is { } order
            ? $"a number prohibited by order {order}"
            : $"a number of concern ({(alert.ConcernId is { } id && concerns.TryGetValue(id, out var reason) ? reason : "security department")})";
        var child = alert.ChildContact ? " Child contact restriction." : "";
        return $"{alert.CallCount} {calls} to {what} between {alert.FirstCallAt:yyyy-MM-dd HH:mm} and {alert.LastCallAt:yyyy-MM-dd HH:mm} UTC.{child}";
    }
}
