using Visibility.Domain.Geo;
using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class RoutePathTests
{
    [Fact]
    public void Length_is_the_sum_of_great_circle_segments()
    {
        var a = new GeoPoint(0, 0); var b = new GeoPoint(0, 10); var c = new GeoPoint(10, 10);
        var path = new RoutePath([a, b, c]);
        Assert.Equal(GeoMath.HaversineKm(a, b) + GeoMath.HaversineKm(b, c), path.LengthKm, 6);
    }

    [Fact]
    public void Positions_at_the_ends_and_in_between()
    {
        var path = new RoutePath([new GeoPoint(0, 0), new GeoPoint(0, 10), new GeoPoint(10, 10)]);
        Assert.Equal(new GeoPoint(0, 0), path.At(0).Position);
        var end = path.At(path.LengthKm + 500).Position; // clamped
        Assert.Equal(10, end.Lat, 6);
        Assert.Equal(10, end.Lon, 6);

        var (mid, heading) = path.At(GeoMath.HaversineKm(new GeoPoint(0, 0), new GeoPoint(0, 10)) / 2);
        Assert.Equal(0, mid.Lat, 6);
        Assert.Equal(5, mid.Lon, 6);
        Assert.Equal(90, heading, 1); // due east along the equator

        var (_, north) = path.At(path.LengthKm - 100);
        Assert.Equal(0, north, 1); // due north on the second leg
    }

    [Fact]
    public void Contract_paths_are_lon_lat_pairs()
    {
        var path = RoutePath.FromLonLat([[121.5, 31.2], [-118.2, 33.7]]);
        Assert.Equal(31.2, path.Start.Lat);
        Assert.Equal(121.5, path.Start.Lon);
        Assert.Equal(-118.2, path.End.Lon);
    }

    [Fact]
    public void Crossing_the_antimeridian_stays_short_and_valid()
    {
        var path = new RoutePath([new GeoPoint(40, 179), new GeoPoint(40, -179)]);
        Assert.True(path.LengthKm < 200, $"a 2-degree hop must not go round the world ({path.LengthKm:0} km)");
        var (p, heading) = path.At(path.LengthKm / 2);
        Assert.True(GeoMath.IsValid(p.Lat, p.Lon));
        Assert.True(Math.Abs(Math.Abs(p.Lon) - 180) < 0.01, $"midpoint at the antimeridian, was {p.Lon}");
        Assert.InRange(heading, 85, 95);
    }

    [Fact]
    public void Single_point_and_repeated_points_do_not_break_it()
    {
        var single = new RoutePath([new GeoPoint(1, 2)]);
        Assert.Equal(0, single.LengthKm);
        Assert.Equal(new GeoPoint(1, 2), single.At(10).Position);

        var repeated = new RoutePath([new GeoPoint(0, 0), new GeoPoint(0, 0), new GeoPoint(0, 1), new GeoPoint(0, 1)]);
        Assert.Equal(90, repeated.At(repeated.LengthKm).HeadingDeg, 1);
    }

    [Fact]
    public void Invalid_points_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new RoutePath([new GeoPoint(95, 0), new GeoPoint(0, 0)]));
        Assert.Throws<ArgumentException>(() => new RoutePath([]));
    }
}
