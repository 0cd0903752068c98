using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Disruptions;

public class ZoneGeometryTests
{
    private static GeoPoint[] Ring(params (double Lon, double Lat)[] points) => points.Select(p => new GeoPoint(p.Lat, p.Lon)).ToArray();

    [Fact]
    public void A_circle_holds_what_lies_within_its_radius_on_the_sphere()
    {
        var zone = ZoneGeometry.Circle(new GeoPoint(0, 0), 100);
        // One degree of longitude at the equator is 111.2 km: 0.89° is 99 km, 0.91° is 101 km.
        Assert.True(zone.Contains(new GeoPoint(0, 0.89)));
        Assert.False(zone.Contains(new GeoPoint(0, 0.91)));
        Assert.True(zone.Contains(new GeoPoint(0.89, 0)));
    }

    [Fact]
    public void A_polygon_holds_its_inside_and_not_its_holes()
    {
        var outer = Ring((0, 0), (10, 0), (10, 10), (0, 10), (0, 0));
        var hole = Ring((4, 4), (6, 4), (6, 6), (4, 6), (4, 4));
        var zone = ZoneGeometry.FromPolygons([[outer, hole]]);
        Assert.True(zone.Contains(new GeoPoint(2, 2)));
        Assert.False(zone.Contains(new GeoPoint(5, 5)));   // in the hole
        Assert.False(zone.Contains(new GeoPoint(5, 11)));  // north of it
        Assert.False(zone.Contains(new GeoPoint(5, -1)));  // west of it
        Assert.Equal(new GeoPoint(5, 5), zone.Anchor());
    }

    [Fact]
    public void A_concave_polygon_is_tested_edge_by_edge()
    {
        // A "U": the notch between the arms is outside.
        var zone = ZoneGeometry.FromPolygons([[Ring((0, 0), (6, 0), (6, 6), (4, 6), (4, 2), (2, 2), (2, 6), (0, 6), (0, 0))]]);
        Assert.True(zone.Contains(new GeoPoint(4, 1)));
        Assert.True(zone.Contains(new GeoPoint(5, 5)));
        Assert.False(zone.Contains(new GeoPoint(4, 3)));
    }

    [Theory]
    [InlineData(false)] // written continuously: 170 … 190
    [InlineData(true)]  // written as GeoJSON usually is: 170 … 180, then -180 … -170
    public void A_polygon_across_the_seam_holds_both_sides_of_it(bool wrapped)
    {
        double east = wrapped ? -170 : 190;
        var zone = ZoneGeometry.FromPolygons([[Ring((170, -10), (east, -10), (east, 10), (170, 10), (170, -10))]]);
        Assert.True(zone.Contains(new GeoPoint(0, 179.5)));
        Assert.True(zone.Contains(new GeoPoint(0, -179.5)));
        Assert.True(zone.Contains(new GeoPoint(5, -171)));
        Assert.False(zone.Contains(new GeoPoint(0, 0)));      // the long way round is not inside
        Assert.False(zone.Contains(new GeoPoint(0, -160)));
        var boxes = zone.Bounds();
        Assert.Equal(2, boxes.Count);
        Assert.Contains(boxes, b => b.MinLon == 170 && b.MaxLon == 180);
        Assert.Contains(boxes, b => b.MinLon == -180 && b.MaxLon == -170);
    }

    [Fact]
    public void A_circle_on_the_seam_is_bounded_on_both_sides_and_reaches_the_cells_there()
    {
        var zone = ZoneGeometry.Circle(new GeoPoint(0, 179.5), 200);
        Assert.True(zone.Contains(new GeoPoint(0, -179.5))); // 111 km away across the seam
        var boxes = zone.Bounds();
        Assert.Equal(2, boxes.Count);
        var cells = GeoCells.Covering(boxes);
        Assert.Contains(GeoCells.KeyOf(new GeoPoint(0, 179.9)), cells);
        Assert.Contains(GeoCells.KeyOf(new GeoPoint(0, -179.9)), cells);
        Assert.DoesNotContain(GeoCells.KeyOf(new GeoPoint(0, 0)), cells);
    }

    [Fact]
    public void The_cells_of_a_zone_include_the_cell_of_every_point_inside_it()
    {
        var zone = ZoneGeometry.Circle(new GeoPoint(23.2, 113.75), 316);
        var cells = GeoCells.Covering(zone.Bounds()).ToHashSet();
        for (double lat = 19; lat <= 27; lat += 0.25)
            for (double lon = 109; lon <= 119; lon += 0.25)
                if (zone.Contains(new GeoPoint(lat, lon))) Assert.Contains(GeoCells.KeyOf(new GeoPoint(lat, lon)), cells);
        Assert.InRange(cells.Count, 2, 9);
    }

    [Fact]
    public void A_circle_reaching_a_pole_spans_every_longitude()
    {
        var boxes = ZoneGeometry.Circle(new GeoPoint(88, 0), 500).Bounds();
        Assert.Equal(new GeoBox(boxes[0].MinLat, 90, -180, 180), Assert.Single(boxes));
    }

    [Fact]
    public void Cell_numbers_and_keys_agree()
    {
        var p = new GeoPoint(-33.9, 18.4);
        Assert.Equal(GeoCells.KeyOf(p), GeoCells.KeyOfNumber(GeoCells.NumberOf(p)));
        Assert.Equal(GeoCells.KeyOf(new GeoPoint(0, 179.9)), GeoCells.KeyOf(new GeoPoint(0, 180))); // +180 is the last column, not a 73rd
        Assert.Equal(GeoCells.KeyOf(new GeoPoint(90, 0)), GeoCells.KeyOf(new GeoPoint(89.9, 0)));
        Assert.NotEqual(GeoCells.KeyOf(new GeoPoint(4.9, 0)), GeoCells.KeyOf(new GeoPoint(5.1, 0)));
    }
}
