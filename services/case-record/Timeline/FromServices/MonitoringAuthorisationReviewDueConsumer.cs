using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.TelephoneMonitoring;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A Rule 35A authorisation to review: to the security department of the prison holding the person.</summary>
public sealed class MonitoringAuthorisationReviewDueConsumer(
    CaseRecordDbContext db, PushRouter push, ILogger<MonitoringAuthorisationReviewDueConsumer> logger) : IConsumer<MonitoringAuthorisationReviewDue>
{
    public async Task Consume(ConsumeContext<MonitoringAuthorisationReviewDue> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        var security = await db.Practitioners.ResponsibleInScopeAsync(person.Responsibilities, InformationClass.TelephoneMonitoring,
            HubRoles.PrisonSecurity, m.EstablishmentCode, context.CancellationToken);
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "telephone-monitoring", EventType = "monitoring-authorisation.review-due",
            InformationClass = InformationClass.TelephoneMonitoring, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt, EstablishmentCode = m.EstablishmentCode,
            Summary = $"Telephone monitoring authorisation (Rule 35A) due for review by {m.ReviewDue:yyyy-MM-dd}; it ends {m.EndsAt:yyyy-MM-dd HH:mm} UTC without a renewal.",
            SourceReference = $"telephone-monitoring:review-due:{m.AuthorisationId}:{m.ReviewDue:yyyyMMdd}",
        }, to: security, ct: context.CancellationToken);
    }
}

public sealed class MonitoringAuthorisationReviewDueConsumerDefinition : ConsumerDefinition<MonitoringAuthorisationReviewDueConsumer>;
