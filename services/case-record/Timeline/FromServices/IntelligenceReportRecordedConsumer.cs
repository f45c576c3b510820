using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.TelephoneMonitoring;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A graded intelligence report the handling code lets us share: security and police, and so the police intelligence feed.</summary>
public sealed class IntelligenceReportRecordedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<IntelligenceReportRecordedConsumer> logger)
    : IConsumer<IntelligenceReportRecorded>
{
    public async Task Consume(ConsumeContext<IntelligenceReportRecorded> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        var conditions = m.HandlingConditions is { Length: > 0 } c ? $" ({c})" : "";
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "telephone-monitoring", EventType = "intelligence-report.recorded",
            InformationClass = InformationClass.Intelligence, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt, EstablishmentCode = m.EstablishmentCode,
            Summary = $"Intelligence report {m.SourceEvaluation}{m.IntelligenceAssessment}{m.HandlingCode}{conditions} from {m.EstablishmentCode}: {m.Summary}",
            SourceReference = $"telephone-monitoring:intelligence:{m.ReportId}",
        }, ct: context.CancellationToken);
    }
}

public sealed class IntelligenceReportRecordedConsumerDefinition : ConsumerDefinition<IntelligenceReportRecordedConsumer>;
