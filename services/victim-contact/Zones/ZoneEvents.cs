using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Zones;

/// <summary>Zone events: the shape and windows, never the victim's address or which point inside the shape matters.</summary>
public static class ZoneEvents
{
    public static PersonReference PersonOf(ExclusionZone zone) => new(zone.NomsNumber, zone.Crn);

    public static void Defined(this VictimContactDbContext db, ExclusionZone zone, DateTimeOffset at) =>
        db.AddOutboxMessage(new ExclusionZoneDefined(zone.Id, zone.OrderReference, PersonOf(zone), zone.Name, ZoneShapes.ToGeoJson(zone.Shape),
            [.. zone.Windows], zone.ValidFrom, zone.ValidUntil, at, Classification.OfficialSensitive), PersonOf(zone).StreamKey);

    public static void Varied(this VictimContactDbContext db, ExclusionZone zone, DateTimeOffset at) =>
        db.AddOutboxMessage(new ExclusionZoneVaried(zone.Id, zone.OrderReference, PersonOf(zone), zone.Name, ZoneShapes.ToGeoJson(zone.Shape),
            [.. zone.Windows], zone.ValidFrom, zone.ValidUntil, at, Classification.OfficialSensitive), PersonOf(zone).StreamKey);

    public static void Revoked(this VictimContactDbContext db, ExclusionZone zone, DateTimeOffset at) =>
        db.AddOutboxMessage(new ExclusionZoneRevoked(zone.Id, zone.OrderReference, PersonOf(zone), at, Classification.OfficialSensitive),
            PersonOf(zone).StreamKey);

    public static void Breached(this VictimContactDbContext db, ExclusionZone zone, ZoneBreach breach) =>
        db.AddOutboxMessage(new ExclusionZoneBreached(breach.Id, zone.Id, zone.OrderReference, PersonOf(zone),
            $"Exclusion zone \"{zone.Name}\" entered outside its permitted times at {ZoneWindows.LocalTime(breach.OccurredAt):yyyy-MM-dd HH:mm} (London time): warn the victim.",
            breach.OccurredAt, Classification.OfficialSensitive), PersonOf(zone).StreamKey);
}
