using MassTransit;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Contracts.CaseRecord;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.Access;

/// <summary>Keeps the local responsibility copy; an event older than what is held changes nothing.</summary>
public sealed class ResponsibilityChangedConsumer(MessageStoreContext store) : IConsumer<ResponsibilityChanged>
{
    public async Task Consume(ConsumeContext<ResponsibilityChanged> context)
    {
        var change = context.Message;
        var key = change.Person.StreamKey;
        var responsibilities = store.Context.Set<Responsibility>();
        var current = await responsibilities.SingleOrDefaultAsync(r => r.PersonKey == key, context.CancellationToken);
        if (current is not null && current.ChangedAt >= change.OccurredAt) return;

        if (current is null)
        {
            current = new Responsibility { PersonKey = key };
            responsibilities.Add(current);
        }

        current.NomsNumber = change.Person.NomsNumber;
        current.Crn = change.Person.Crn;
        current.EstablishmentCode = change.EstablishmentCode;
        current.InCommunity = change.InCommunity;
        current.OffenderSupervisor = change.OffenderSupervisorId;
        current.OffenderManager = change.OffenderManagerId;
        current.ProbationDeliveryUnit = change.ProbationDeliveryUnit;
        current.PoliceForce = change.PoliceForce;
        current.VictimLiaisonUnits = [.. change.VictimLiaisonUnits];
        current.MappaArea = change.MappaArea;
        current.ChangedAt = change.OccurredAt;
    }
}

/// <summary>Every service's copy lives on its own queue, e.g. <c>mappa-responsibility-changed</c>.</summary>
public sealed class ResponsibilityChangedConsumerDefinition : ConsumerDefinition<ResponsibilityChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ResponsibilityChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 8;
}
