using MassTransit;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.TelephoneMonitoring;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A prisoner called, or tried to call, a watched number: high priority, escalated when nobody acknowledges it.</summary>
public sealed class TelephoneMonitoringAlertRaisedConsumer(
    CaseRecordDbContext db, PushRouter push, ILogger<TelephoneMonitoringAlertRaisedConsumer> logger) : IConsumer<TelephoneMonitoringAlertRaised>
{
    public async Task Consume(ConsumeContext<TelephoneMonitoringAlertRaised> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        var reference = $"telephone-monitoring:alert:{m.AlertId}";
        var summary = $"Telephone alert ({m.Severity}) at {m.EstablishmentCode}: {m.CallCount} call(s), {(m.Connected ? "connected" : "not connected")}. {m.Summary}";
        // Repeated calls aggregate into the alert already pushed: its count grows, nobody is pushed it again. The outbox
        // keeps a person's events in order, so the latest count arrives last.
        if (await db.Timeline.FirstOrDefaultAsync(e => e.SourceReference == reference, context.CancellationToken) is { } raised)
        {
            raised.Summary = summary;
            return;
        }

        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "telephone-monitoring", EventType = "telephone-alert.raised",
            InformationClass = InformationClass.TelephoneMonitoringAlert, Classification = m.Classification, Priority = Priority.High,
            OccurredAt = m.OccurredAt, OrderReference = m.OrderReference, EstablishmentCode = m.EstablishmentCode,
            Summary = summary, SourceReference = reference,
        }, ct: context.CancellationToken);
    }
}

public sealed class TelephoneMonitoringAlertRaisedConsumerDefinition : ConsumerDefinition<TelephoneMonitoringAlertRaisedConsumer>;
