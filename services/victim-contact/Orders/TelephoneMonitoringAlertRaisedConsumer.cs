using MassTransit;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Contracts.TelephoneMonitoring;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Orders;

/// <summary>An alert on one of this service's orders becomes a breach of it on the order's case; an alert about no order, or another service's, is not ours.</summary>
public sealed class TelephoneMonitoringAlertRaisedConsumer(VictimContactDbContext db) : IConsumer<TelephoneMonitoringAlertRaised>
{
    public async Task Consume(ConsumeContext<TelephoneMonitoringAlertRaised> context)
    {
        var alert = context.Message;
        if (alert.OrderReference is null) return;
        var order = await db.Orders.AsNoTracking().Where(o => o.Reference == alert.OrderReference)
            .Select(o => new { o.Id, o.CaseId }).FirstOrDefaultAsync(context.CancellationToken);
        if (order is null) return;

        var breach = await db.CallBreaches.FirstOrDefaultAsync(b => b.Id == alert.AlertId, context.CancellationToken);
        if (breach is null)
            db.CallBreaches.Add(breach = new CallBreach { Id = alert.AlertId, OrderId = order.Id, CaseId = order.CaseId, Severity = alert.Severity });
        if (alert.CallCount < breach.CallCount) return; // an older publication of the alert, after a newer one
        breach.CallCount = alert.CallCount;
        breach.Connected |= alert.Connected;
        breach.Severity = alert.Severity;
        breach.OccurredAt = alert.OccurredAt;
    }
}

public sealed class TelephoneMonitoringAlertRaisedConsumerDefinition : ConsumerDefinition<TelephoneMonitoringAlertRaisedConsumer>;
