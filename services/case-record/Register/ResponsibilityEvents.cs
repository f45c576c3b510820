using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.CaseRecord;
using PublicProtectionHub.Messaging.Outbox;

namespace PublicProtectionHub.CaseRecord.Register;

internal static class ResponsibilityEvents
{
    /// <summary>Records the person's current responsibilities in the history and queues <see cref="ResponsibilityChanged"/>.</summary>
    public static void RecordResponsibilityChange(this CaseRecordDbContext db, Person person, string reason, DateTimeOffset at)
    {
        var r = person.Responsibilities;
        r.ChangedAt = at;
        db.ResponsibilityHistory.Add(new ResponsibilityHistory
        {
            PersonId = person.Id,
            Reason = reason,
            RecordedAt = at,
            Responsibilities = new Responsibilities
            {
                EstablishmentCode = r.EstablishmentCode, InCommunity = r.InCommunity, OffenderSupervisor = r.OffenderSupervisor,
                OffenderManager = r.OffenderManager, ProbationDeliveryUnit = r.ProbationDeliveryUnit, PoliceForce = r.PoliceForce,
                VictimLiaisonUnits = [.. r.VictimLiaisonUnits], MappaArea = r.MappaArea, ChangedAt = at,
            },
        });
        db.AddOutboxMessage(new ResponsibilityChanged(
            new PersonReference(person.NomsNumber, person.Crn),
            r.EstablishmentCode, r.InCommunity, r.OffenderSupervisor, r.OffenderManager, r.ProbationDeliveryUnit,
            r.PoliceForce, [.. r.VictimLiaisonUnits], r.MappaArea, at, Classification.Official), person.Key);
    }
}
