using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Zones;

public static class ApprovedAddresses
{
    public static async Task<Point?> ApprovedAddressOfAsync(this VictimContactDbContext db, PersonReference person, CancellationToken ct) =>
        await db.ApprovedAddresses.Where(a => a.PersonKey == person.StreamKey).Select(a => a.Location).FirstOrDefaultAsync(ct);
}
