using Visibility.Domain.Geo;

namespace Visibility.Domain.Tests;

public class GeoMathTests
{
    [Fact]
    public void Haversine_matches_known_distance_between_shanghai_and_singapore()
    {
        // Great-circle distance CNSHA (31.23, 121.47) to SGSIN (1.26, 103.84) is about 3,800 km.
        var km = GeoMath.HaversineKm(new GeoPoint(31.23, 121.47), new GeoPoint(1.26, 103.84));
        Assert.InRange(km, 3750, 3850);
    }

    [Fact]
    public void Interpolate_crosses_the_antimeridian_the_short_way()
    {
        var mid = GeoMath.Interpolate(new GeoPoint(0, 170), new GeoPoint(0, -170), 0.5);
        Assert.InRange(Math.Abs(mid.Lon), 179.9, 180.0);
        Assert.InRange(mid.Lat, -0.01, 0.01);
    }

    [Theory]
    [InlineData(190, -170)]
    [InlineData(-190, 170)]
    [InlineData(45, 45)]
    public void NormalizeLon_wraps_into_range(double input, double expected) =>
        Assert.Equal(expected, GeoMath.NormalizeLon(input), 6);
}
