using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Cases;

/// <summary>The case events, queued on the outbox in the caller's transaction, on the offender's stream.</summary>
public static class CaseEvents
{
    public static void Allocated(this VictimContactDbContext db, VictimContactCase c, string? previousUnit, DateTimeOffset at) =>
        db.AddOutboxMessage(new VictimContactCaseAllocated(c.Id, c.Person, c.VictimLiaisonUnit, previousUnit, c.Statutory, at,
            Classification.OfficialSensitive), c.Person.StreamKey);

    public static void Closed(this VictimContactDbContext db, VictimContactCase c, DateTimeOffset at) =>
        db.AddOutboxMessage(new VictimContactCaseClosed(c.Id, c.Person, c.VictimLiaisonUnit, at, Classification.OfficialSensitive),
            c.Person.StreamKey);
}
