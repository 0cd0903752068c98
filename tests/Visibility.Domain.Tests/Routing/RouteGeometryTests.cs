using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Routing;

public class RouteGeometryTests
{
    private const double KmPerDegree = GeoMath.EarthRadiusKm * Math.PI / 180; // 111.19 km on a great circle

    private static readonly RouteGeometry AlongEquator = new([new(0, 0), new(0, 1), new(0, 2), new(0, 3)]);

    // 179°E → 179°W across the antimeridian: 2 degrees of longitude on the equator.
    private static readonly RouteGeometry AcrossDateLine = new([new(0, 178), new(0, 179), new(0, -179), new(0, -178)]);

    [Fact]
    public void Total_length_is_the_sum_of_great_circle_segments()
    {
        Assert.Equal(3 * KmPerDegree, AlongEquator.TotalKm, 0.01);
        Assert.Equal(4 * KmPerDegree, AcrossDateLine.TotalKm, 0.01); // not 358 degrees the other way
    }

    [Fact]
    public void PointAt_interpolates_and_clamps_to_the_ends()
    {
        var p = AlongEquator.PointAt(1.5 * KmPerDegree);
        Assert.Equal(0, p.Lat, 6);
        Assert.Equal(1.5, p.Lon, 6);
        Assert.Equal(new GeoPoint(0, 0), AlongEquator.PointAt(-5));
        Assert.Equal(new GeoPoint(0, 3), AlongEquator.PointAt(1e6));
    }

    [Fact]
    public void PointAt_crosses_the_antimeridian_the_short_way()
    {
        var mid = AcrossDateLine.PointAt(2 * KmPerDegree);
        Assert.InRange(Math.Abs(mid.Lon), 179.999, 180);
        var later = AcrossDateLine.PointAt(2.5 * KmPerDegree);
        Assert.Equal(-179.5, later.Lon, 6);
    }

    [Fact]
    public void HeadingAt_follows_the_segment_including_across_the_antimeridian()
    {
        AssertHeading(90, AlongEquator.HeadingAt(100));
        AssertHeading(90, AcrossDateLine.HeadingAt(2 * KmPerDegree + 1));
        AssertHeading(90, AlongEquator.HeadingAt(AlongEquator.TotalKm)); // at the end: the arrival course
        AssertHeading(0, new RouteGeometry([new(0, 10), new(5, 10)]).HeadingAt(200));
        AssertHeading(270, new RouteGeometry([new(0, 3), new(0, 0)]).HeadingAt(50));
        // On a great circle the course changes along the way: leaving 40°N eastwards towards 40°N, 60° further on.
        var arc = new RouteGeometry([new(40, 0), new(40, 60)]);
        Assert.InRange(arc.HeadingAt(0), 60, 75);
        AssertHeading(90, arc.HeadingAt(arc.TotalKm / 2), tolerance: 0.5);
    }

    private static void AssertHeading(double expected, double actual, double tolerance = 1e-6)
    {
        Assert.InRange(actual, 0, 360);
        double difference = Math.Abs(expected - actual) % 360;
        Assert.True(Math.Min(difference, 360 - difference) <= tolerance, $"heading {actual}, expected {expected}");
    }

    [Fact]
    public void Project_finds_along_and_cross_track_distances()
    {
        var projection = AlongEquator.Project(new GeoPoint(0.5, 1.25));
        Assert.Equal(1.25 * KmPerDegree, projection.AlongKm, 0.5);
        Assert.Equal(0.5 * KmPerDegree, projection.CrossTrackKm, 0.5);
        Assert.Equal(1, projection.Segment);
    }

    [Fact]
    public void Project_before_the_start_snaps_to_the_first_point()
    {
        var projection = AlongEquator.Project(new GeoPoint(0, -1));
        Assert.Equal(0, projection.AlongKm, 6);
        Assert.Equal(KmPerDegree, projection.CrossTrackKm, 0.5);
    }

    [Fact]
    public void Project_works_across_the_antimeridian()
    {
        var projection = AcrossDateLine.Project(new GeoPoint(-0.2, 179.8));
        Assert.Equal(1.8 * KmPerDegree, projection.AlongKm, 0.5);
        Assert.Equal(0.2 * KmPerDegree, projection.CrossTrackKm, 0.5);
        Assert.Equal(1, projection.Segment);

        var east = AcrossDateLine.Project(new GeoPoint(0.1, -179.5));
        Assert.Equal(2.5 * KmPerDegree, east.AlongKm, 0.5);
    }

    [Fact]
    public void Project_with_a_hint_prefers_the_nearby_leg_of_a_route_that_doubles_back()
    {
        // Out along 0°N to 1°E… 20°E, then back along 0.1°N: every point is near both legs.
        var outward = Enumerable.Range(0, 21).Select(i => new GeoPoint(0, i));
        var inward = Enumerable.Range(0, 21).Select(i => new GeoPoint(0.1, 20 - i));
        var route = new RouteGeometry(outward.Concat(inward).ToList());
        var ship = new GeoPoint(0.06, 5.5); // slightly nearer the return leg

        var unhinted = route.Project(ship);
        Assert.True(unhinted.Segment >= 21, "the global nearest is on the return leg");

        var hinted = route.Project(ship, hintSegment: 5); // the ship was on the outward leg a moment ago
        Assert.Equal(5, hinted.Segment);
        Assert.Equal(5.5 * KmPerDegree, hinted.AlongKm, 0.5);
    }

    [Fact]
    public void Project_with_a_stale_hint_falls_back_to_the_full_scan()
    {
        var points = Enumerable.Range(0, 101).Select(i => new GeoPoint(0, i * 0.5)).ToList();
        var route = new RouteGeometry(points);
        var ship = new GeoPoint(0, 40.25); // segment 80, far outside the window around segment 3
        var projection = route.Project(ship, hintSegment: 3);
        Assert.Equal(80, projection.Segment);
        Assert.Equal(40.25 * KmPerDegree, projection.AlongKm, 0.5);
        Assert.Equal(0, projection.CrossTrackKm, 0.01);
    }

    [Fact]
    public void PointAt_and_Project_are_inverse_on_a_real_sea_route()
    {
        var sea = SeaNetworks.Router.Route(Ports.Yokohama, Ports.Vancouver)!; // crosses the antimeridian
        var geometry = new RouteGeometry(sea.Path);
        Assert.Equal(sea.DistanceKm, geometry.TotalKm, 0.5);
        int hint = -1;
        for (double km = 0; km <= geometry.TotalKm; km += 250)
        {
            var projection = geometry.Project(geometry.PointAt(km), hint);
            Assert.Equal(km, projection.AlongKm, 0.5);
            Assert.InRange(projection.CrossTrackKm, 0, 0.05);
            hint = projection.Segment;
        }
    }

    [Fact]
    public void A_single_point_route_is_a_valid_degenerate_geometry()
    {
        var here = new RouteGeometry([new(10, 10)]);
        Assert.Equal(0, here.TotalKm);
        Assert.Equal(new GeoPoint(10, 10), here.PointAt(5));
        Assert.Equal(KmPerDegree, here.Project(new GeoPoint(11, 10)).CrossTrackKm, 0.5);
        Assert.Throws<ArgumentException>(() => new RouteGeometry([]));
    }
}
