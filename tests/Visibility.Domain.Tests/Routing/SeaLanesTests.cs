using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Routing;

public class SeaLanesTests
{
    private static readonly Lazy<IReadOnlyList<IReadOnlyList<GeoPoint>>> Lanes = new(() => SeaLanes.ForDisplay(SeaNetworks.Marnet50));

    [Fact]
    public void Lanes_are_a_few_thousand_points_in_long_polylines()
    {
        int points = Lanes.Value.Sum(l => l.Count);
        Assert.InRange(points, 1_000, 7_000); // measured: 5,732 points in 1,653 polylines for 16,610 edges
        Assert.All(Lanes.Value, l => Assert.True(l.Count >= 2));
        Assert.All(Lanes.Value.SelectMany(l => l), p => Assert.InRange(p.Lon, -180, 180));
    }

    [Fact]
    public void Arctic_passages_are_not_drawn()
    {
        // The Vilkitsky Strait (Northeast Passage) and Parry Channel (Northwest Passage) lie on no drawn lane.
        Assert.DoesNotContain(Lanes.Value.SelectMany(l => l), p => p.Lat is > 75 and < 79 && p.Lon is > 95 and < 115);
        Assert.DoesNotContain(Lanes.Value.SelectMany(l => l), p => p.Lat is > 73 and < 76 && p.Lon is > -112 and < -92.5);
        var everything = SeaLanes.ForDisplay(SeaNetworks.Marnet50, minSpurKm: 0);
        Assert.True(everything.Sum(l => l.Count) >= Lanes.Value.Sum(l => l.Count));
    }

    [Fact]
    public void Drawn_lanes_follow_the_routes_ships_take()
    {
        // Every point of a real route lies near some drawn lane (tolerance 50 km plus the port spurs left out).
        var lanes = Lanes.Value.Select(l => new RouteGeometry(l)).ToArray();
        var route = SeaNetworks.Router.Route(Ports.Shanghai, Ports.Rotterdam)!;
        foreach (var p in route.Path.Skip(3).SkipLast(3))
            Assert.True(lanes.Min(l => l.Project(p).CrossTrackKm) < 60, $"{p} is far from every drawn lane");
    }

    [Fact]
    public void Lanes_cross_the_antimeridian_as_a_jump_not_a_world_wide_line()
    {
        var crossings = Lanes.Value.SelectMany(l => l.Zip(l.Skip(1))).Where(s => Math.Abs(s.First.Lon - s.Second.Lon) > 180).ToList();
        Assert.NotEmpty(crossings); // Pacific lanes are continuous through the seam
        // Both ends of every such jump are in the Pacific: the line is meant the short way over the antimeridian.
        Assert.All(crossings, s => Assert.True(Math.Abs(s.First.Lon) > 120 && Math.Abs(s.Second.Lon) > 120, $"{s}"));
    }
}
