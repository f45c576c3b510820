using MassTransit;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Contracts.CaseRecord;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.Access;

/// <summary>
/// Keeps the local responsibility copy; an event older than what is held changes nothing. One statement, so two
/// changes for one person handled at once can neither both insert nor let the older one win.
/// </summary>
public sealed class ResponsibilityChangedConsumer(MessageStoreContext store) : IConsumer<ResponsibilityChanged>
{
    public async Task Consume(ConsumeContext<ResponsibilityChanged> context)
    {
        var c = context.Message;
        var units = c.VictimLiaisonUnits.ToArray();
        await store.Context.Database.ExecuteSqlAsync($"""
            INSERT INTO access.responsibilities AS r (person_key, noms_number, crn, establishment_code, in_community,
                offender_supervisor, offender_manager, pdu, police_force, victim_liaison_units, mappa_area, changed_at)
            VALUES ({c.Person.StreamKey}, {c.Person.NomsNumber}, {c.Person.Crn}, {c.EstablishmentCode}, {c.InCommunity},
                {c.OffenderSupervisorId}, {c.OffenderManagerId}, {c.ProbationDeliveryUnit}, {c.PoliceForce}, {units}, {c.MappaArea}, {c.OccurredAt.ToUniversalTime()})
            ON CONFLICT (person_key) DO UPDATE SET
                noms_number = excluded.noms_number, crn = excluded.crn, establishment_code = excluded.establishment_code,
                in_community = excluded.in_community, offender_supervisor = excluded.offender_supervisor,
                offender_manager = excluded.offender_manager, pdu = excluded.pdu, police_force = excluded.police_force,
                victim_liaison_units = excluded.victim_liaison_units, mappa_area = excluded.mappa_area, changed_at = excluded.changed_at
            WHERE r.changed_at < excluded.changed_at
            """, context.CancellationToken);
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
