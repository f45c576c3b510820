using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace PublicProtectionHub.VictimContact.Zones;

/// <summary>A zone's shape as given: a GeoJSON Polygon or MultiPolygon (WGS 84, [longitude, latitude]), or a circle.</summary>
public sealed record ShapeRequest(JsonElement? GeoJson, CircleRequest? Circle);

public sealed record CircleRequest(double Latitude, double Longitude, double RadiusMetres);

/// <summary>
/// Turns what a VLO draws into a PostGIS geometry and refuses what cannot be a real exclusion zone: rings that cross
/// themselves, fewer than three distinct points, points outside the United Kingdom (or apparently with latitude and
/// longitude swapped), and a zone around the offender's own approved address. Errors never echo coordinates.
/// </summary>
public static class ZoneShapes
{
    public const int Srid = 4326;
    public const int CircleSegments = 64;
    public const double MaxRadiusMetres = 50_000, MinRadiusMetres = 10;
    private const double MetresPerDegree = 111_320;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), Srid);

    // The UK, generously: the Scilly Isles to Shetland, Northern Ireland to Lowestoft.
    private const double MinLatitude = 49.8, MaxLatitude = 61.0, MinLongitude = -8.7, MaxLongitude = 2.0;

    public static bool InUk(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;

    public static Point PointAt(double latitude, double longitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));

    /// <summary>The shape, or the reason it is refused.</summary>
    public static (Geometry? Shape, string? Error) Build(ShapeRequest request)
    {
        if (request.GeoJson is { } json && request.Circle is not null) return (null, "Give either geoJson or circle, not both.");
        if (request.Circle is { } circle) return Circle(circle);
        if (request.GeoJson is not { ValueKind: JsonValueKind.Object } geo) return (null, "Give the zone as geoJson (Polygon or MultiPolygon) or as a circle.");

        Geometry shape;
        try
        {
            var type = geo.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (!geo.TryGetProperty("coordinates", out var coordinates)) return (null, "The GeoJSON has no coordinates.");
            switch (type)
            {
                case "Polygon":
                    var (polygon, error) = Polygon(coordinates);
                    if (polygon is null) return (null, error);
                    shape = polygon;
                    break;
                case "MultiPolygon":
                    var parts = new List<Polygon>();
                    foreach (var part in coordinates.EnumerateArray())
                    {
                        var (p, e) = Polygon(part);
                        if (p is null) return (null, e);
                        parts.Add(p);
                    }

                    if (parts.Count == 0) return (null, "A MultiPolygon needs at least one polygon.");
                    shape = Factory.CreateMultiPolygon([.. parts]);
                    break;
                default:
                    return (null, "The GeoJSON must be a Polygon or a MultiPolygon.");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return (null, "The GeoJSON coordinates are not [longitude, latitude] positions.");
        }

        return Validate(shape);
    }

    /// <summary>Refuses a zone containing the offender's approved address.</summary>
    public static string? CheckApprovedAddress(Geometry shape, Point? approvedAddress) =>
        approvedAddress is not null && shape.Covers(approvedAddress)
            ? "The zone contains the offender's approved address; the offender manager must be consulted."
            : null;

    /// <summary>Writes the shape as GeoJSON, [longitude, latitude].</summary>
    public static string ToGeoJson(Geometry shape)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            switch (shape)
            {
                case Polygon polygon:
                    writer.WriteString("type", "Polygon");
                    writer.WritePropertyName("coordinates");
                    WritePolygon(writer, polygon);
                    break;
                case MultiPolygon multi:
                    writer.WriteString("type", "MultiPolygon");
                    writer.WritePropertyName("coordinates");
                    writer.WriteStartArray();
                    foreach (var part in multi.Geometries.Cast<Polygon>()) WritePolygon(writer, part);
                    writer.WriteEndArray();
                    break;
                default:
                    throw new InvalidOperationException("A zone is a Polygon or a MultiPolygon.");
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon)
    {
        writer.WriteStartArray();
        foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
        {
            writer.WriteStartArray();
            foreach (var c in ring.Coordinates)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(Math.Round(c.X, 7));
                writer.WriteNumberValue(Math.Round(c.Y, 7));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static (Polygon? Polygon, string? Error) Polygon(JsonElement rings)
    {
        var linearRings = new List<LinearRing>();
        foreach (var ring in rings.EnumerateArray())
        {
            var coordinates = ring.EnumerateArray().Select(position =>
            {
                var values = position.EnumerateArray().Select(v => v.GetDouble()).ToArray();
                if (values.Length < 2 || !double.IsFinite(values[0]) || !double.IsFinite(values[1]))
                    throw new FormatException("not a position");
                return new Coordinate(values[0], values[1]);
            }).ToList();

            if (coordinates.Select(c => (c.X, c.Y)).Distinct().Count() < 3) return (null, "Every ring needs at least three distinct points.");
            if (!coordinates[0].Equals2D(coordinates[^1])) coordinates.Add(coordinates[0].Copy());
            linearRings.Add(Factory.CreateLinearRing([.. coordinates]));
        }

        if (linearRings.Count == 0) return (null, "A polygon needs an outer ring.");
        return (Factory.CreatePolygon(linearRings[0], [.. linearRings.Skip(1)]), null);
    }

    private static (Geometry? Shape, string? Error) Circle(CircleRequest circle)
    {
        if (!double.IsFinite(circle.RadiusMetres) || circle.RadiusMetres is < MinRadiusMetres or > MaxRadiusMetres)
            return (null, $"The radius must be from {MinRadiusMetres} to {MaxRadiusMetres} metres.");
        if (!InUk(circle.Latitude, circle.Longitude))
            return (null, InUk(circle.Longitude, circle.Latitude)
                ? "The centre looks like it has latitude and longitude swapped."
                : "The centre is outside the United Kingdom.");

        // Small circles: degrees of longitude shrink with the cosine of the latitude.
        var dLat = circle.RadiusMetres / MetresPerDegree;
        var dLon = circle.RadiusMetres / (MetresPerDegree * Math.Cos(circle.Latitude * Math.PI / 180));
        var ring = Enumerable.Range(0, CircleSegments + 1)
            .Select(i => 2 * Math.PI * (i % CircleSegments) / CircleSegments)
            .Select(a => new Coordinate(circle.Longitude + dLon * Math.Cos(a), circle.Latitude + dLat * Math.Sin(a)))
            .ToArray();
        return (Factory.CreatePolygon(ring), null);
    }

    private static (Geometry? Shape, string? Error) Validate(Geometry shape)
    {
        var coordinates = shape.Coordinates;
        if (coordinates.Any(c => !InUk(c.Y, c.X)))
            return (null, coordinates.All(c => InUk(c.X, c.Y))
                ? "The coordinates look like latitude and longitude swapped: GeoJSON positions are [longitude, latitude]."
                : "The zone is outside the United Kingdom.");

        var validity = new IsValidOp(shape).ValidationError;
        if (validity is not null)
            return (null, validity.ErrorType is TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection
                ? "A ring crosses itself."
                : "The shape is not a valid polygon (rings must not cross themselves or each other).");
        return (shape, null);
    }
}
