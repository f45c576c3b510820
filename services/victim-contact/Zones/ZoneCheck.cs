using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using PublicProtectionHub.Access;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Zones;

/// <summary>
/// Whether a person at a point and an instant is in breach: inside an active zone (PostGIS decides "inside") at a
/// London time outside that zone's windows. Overlapping zones combine: a window of one does not open another.
/// </summary>
public static class ZoneCheck
{
    public static IQueryable<ExclusionZone> ZonesOf(this VictimContactDbContext db, Responsibility person) =>
        db.Zones.Where(z => (person.NomsNumber != null && z.NomsNumber == person.NomsNumber) || (person.Crn != null && z.Crn == person.Crn));

    public static async Task<IReadOnlyList<ExclusionZone>> BreachedAsync(
        this IQueryable<ExclusionZone> zones, Point point, DateTimeOffset at, CancellationToken ct)
    {
        var containing = await zones.AsNoTracking()
            .Where(z => z.RevokedAt == null && z.ValidFrom <= at && (z.ValidUntil == null || z.ValidUntil > at) && z.Shape.Covers(point))
            .ToListAsync(ct);
        return [.. containing.Where(z => !ZoneWindows.InsideAnyWindow(z.Windows, at))];
    }
}
