using System.Text.Json;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.UnitTests.VictimContact;

public sealed class ZoneShapesTests
{
    // A block in central Plymouth, [longitude, latitude].
    private const string Plymouth = "[[-4.1238,50.3772],[-4.1182,50.3772],[-4.1182,50.3808],[-4.1238,50.3808],[-4.1238,50.3772]]";

    private static (NetTopologySuite.Geometries.Geometry? Shape, string? Error) Build(string geoJson) =>
        ZoneShapes.Build(new ShapeRequest(JsonDocument.Parse(geoJson).RootElement, null));

    [Fact]
    public void A_polygon_in_the_UK_is_accepted_and_written_back_as_GeoJSON()
    {
        var (shape, error) = Build($$"""{"type":"Polygon","coordinates":[{{Plymouth}}]}""");
        Assert.Null(error);
        Assert.Equal(ZoneShapes.Srid, shape!.SRID);
        var written = JsonDocument.Parse(ZoneShapes.ToGeoJson(shape)).RootElement;
        Assert.Equal("Polygon", written.GetProperty("type").GetString());
        Assert.Equal(-4.1238, written.GetProperty("coordinates")[0][0][0].GetDouble());
    }

    [Fact]
    public void A_multipolygon_and_an_unclosed_ring_are_accepted()
    {
        Assert.Null(Build($$"""{"type":"MultiPolygon","coordinates":[[{{Plymouth}}],[[[-3.53,50.72],[-3.52,50.72],[-3.52,50.73]]]]}""").Error);
    }

    [Fact]
    public void A_self_intersecting_ring_is_refused() =>
        Assert.Contains("crosses itself", Build("""{"type":"Polygon","coordinates":[[[-4.12,50.37],[-4.11,50.38],[-4.11,50.37],[-4.12,50.38],[-4.12,50.37]]]}""").Error);

    [Theory]
    [InlineData("""[[[-4.12,50.37],[-4.11,50.38],[-4.12,50.37]]]""")]
    [InlineData("""[[[-4.12,50.37],[-4.12,50.37],[-4.11,50.38],[-4.11,50.38]]]""")]
    public void Fewer_than_three_distinct_points_are_refused(string coordinates) =>
        Assert.Contains("three distinct points", Build($$"""{"type":"Polygon","coordinates":{{coordinates}}}""").Error);

    [Fact]
    public void A_zone_outside_the_UK_is_refused() =>
        Assert.Contains("outside the United Kingdom", Build("""{"type":"Polygon","coordinates":[[[2.35,48.85],[2.36,48.85],[2.36,48.86],[2.35,48.85]]]}""").Error);

    [Fact]
    public void Swapped_latitude_and_longitude_are_recognised() =>
        Assert.Contains("swapped", Build("""{"type":"Polygon","coordinates":[[[50.3772,-4.1238],[50.3772,-4.1182],[50.3808,-4.1182],[50.3772,-4.1238]]]}""").Error);

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[-4.12,50.37]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[["a","b"],[1,2],[3,4]]]}""")]
    [InlineData("""{"type":"Polygon"}""")]
    public void Anything_but_a_polygon_is_refused(string geoJson) => Assert.NotNull(Build(geoJson).Error);

    [Fact]
    public void A_circle_becomes_a_polygon_of_about_its_radius()
    {
        var (shape, error) = ZoneShapes.Build(new ShapeRequest(null, new CircleRequest(50.3790, -4.1210, 200)));
        Assert.Null(error);
        Assert.Equal(ZoneShapes.CircleSegments + 1, shape!.Coordinates.Length);
        Assert.True(shape.Covers(ZoneShapes.PointAt(50.3790 + 0.0017, -4.1210)));   // ~190 m north
        Assert.False(shape.Covers(ZoneShapes.PointAt(50.3790 + 0.0020, -4.1210)));  // ~220 m north
        Assert.True(shape.Covers(ZoneShapes.PointAt(50.3790, -4.1210 - 0.0026)));   // ~185 m west
        Assert.Contains("swapped", ZoneShapes.Build(new ShapeRequest(null, new CircleRequest(-4.1210, 50.3790, 200))).Error);
        Assert.NotNull(ZoneShapes.Build(new ShapeRequest(null, new CircleRequest(50.3790, -4.1210, 0))).Error);
    }

    [Fact]
    public void A_zone_containing_the_approved_address_is_refused()
    {
        var (shape, _) = Build($$"""{"type":"Polygon","coordinates":[{{Plymouth}}]}""");
        Assert.NotNull(ZoneShapes.CheckApprovedAddress(shape!, ZoneShapes.PointAt(50.3790, -4.1210)));
        Assert.Null(ZoneShapes.CheckApprovedAddress(shape!, ZoneShapes.PointAt(50.3900, -4.1210)));
        Assert.Null(ZoneShapes.CheckApprovedAddress(shape!, null));
    }
}
