using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Routing;

public class RoutePlannerTests
{
    private static RoutePlanner NewPlanner(int capacity = RoutePlanner.DefaultCacheCapacity) => new(SeaNetworks.Router, capacity);

    private static void AssertStepsAtMost(IReadOnlyList<GeoPoint> path, double km) =>
        Assert.All(path.Zip(path.Skip(1)), s => Assert.True(GeoMath.HaversineKm(s.First, s.Second) <= km + 1e-6));

    [Fact]
    public void Ocean_uses_the_sea_network_and_reports_passes()
    {
        var route = NewPlanner().Plan("ocean", Ports.Shanghai, Ports.Rotterdam);
        Assert.NotNull(route);
        Assert.Equal("ocean", route.Mode);
        Assert.Contains("suez", route.Passes);
        Assert.InRange(route.DistanceKm, 18_600, 20_600);
        Assert.Equal(Ports.Shanghai, route.Path[0]);
        Assert.Equal(Ports.Rotterdam, route.Path[^1]);
    }

    [Fact]
    public void Ocean_respects_avoided_passes() =>
        Assert.DoesNotContain("suez", NewPlanner().Plan("OCEAN", Ports.Shanghai, Ports.Rotterdam, ["Suez"])!.Passes);

    [Fact]
    public void Air_is_the_great_circle_in_steps_of_at_most_100_km()
    {
        var route = NewPlanner().Plan("air", Ports.Shanghai, Ports.LosAngeles)!;
        Assert.Equal(GeoMath.HaversineKm(Ports.Shanghai, Ports.LosAngeles), route.DistanceKm, 1.0);
        Assert.Empty(route.Passes);
        AssertStepsAtMost(route.Path, RoutePlanner.PathStepKm);
        Assert.Contains(route.Path.Zip(route.Path.Skip(1)), s => s.First.Lon > 170 && s.Second.Lon < -170);
    }

    [Fact]
    public void Truck_applies_the_road_circuity_factor_and_stops_at_oceans()
    {
        GeoPoint monterrey = new(25.67, -100.31), chicago = new(41.88, -87.63);
        var route = NewPlanner().Plan("truck", monterrey, chicago)!;
        Assert.Equal(GeoMath.HaversineKm(monterrey, chicago) * RoutePlanner.TruckCircuityFactor, route.DistanceKm, 2.0);
        AssertStepsAtMost(route.Path, RoutePlanner.PathStepKm);
        Assert.Null(NewPlanner().Plan("truck", Ports.Shanghai, Ports.LongBeach)); // 10,000 km of Pacific
    }

    [Fact]
    public void Unknown_mode_or_chokepoint_is_an_argument_error_for_every_mode()
    {
        var planner = NewPlanner();
        Assert.Throws<ArgumentException>(() => planner.Plan("rail", Ports.Shanghai, Ports.Rotterdam));
        Assert.Throws<ArgumentException>(() => planner.Plan("air", Ports.Shanghai, Ports.Rotterdam, ["capeofgoodhope"]));
        Assert.Throws<ArgumentException>(() => planner.Plan("ocean", Ports.Shanghai, Ports.Rotterdam, ["suezz"]));
    }

    [Fact]
    public void Shipments_on_the_same_lane_share_one_computed_route()
    {
        var planner = NewPlanner();
        var first = planner.Plan("ocean", Ports.Shanghai, Ports.LongBeach, ["suez", "panama"]);
        var again = planner.Plan("ocean", Ports.Shanghai, Ports.LongBeach, ["PANAMA", "suez"]); // same set, other order
        Assert.NotNull(first);
        Assert.Equal(1, planner.CachedLanes);
        Assert.Equal(first.Path, again!.Path);
        Assert.Equal(first.DistanceKm, again.DistanceKm);

        // A point a few hundred metres away is the same lane: same route, but the path starts where that shipment is.
        GeoPoint nearby = new(Ports.Shanghai.Lat + 0.003, Ports.Shanghai.Lon - 0.002);
        var neighbour = planner.Plan("ocean", nearby, Ports.LongBeach, ["suez", "panama"])!;
        Assert.Equal(1, planner.CachedLanes);
        Assert.Equal(first.DistanceKm, neighbour.DistanceKm);
        Assert.Equal(nearby, neighbour.Path[0]);
        Assert.Equal(first.Path.Count, neighbour.Path.Count);
    }

    [Fact]
    public void The_cache_is_bounded()
    {
        var planner = NewPlanner(capacity: 3);
        for (int i = 0; i < 10; i++) planner.Plan("air", new GeoPoint(i, 0), new GeoPoint(i, 10));
        Assert.Equal(3, planner.CachedLanes);
    }

    [Fact]
    public void No_route_results_are_cached_as_null()
    {
        var planner = NewPlanner();
        Assert.Null(planner.Plan("ocean", Ports.Denver, Ports.Shanghai));
        Assert.Null(planner.Plan("ocean", Ports.Denver, Ports.Shanghai));
        Assert.Equal(1, planner.CachedLanes);
    }

    [Fact]
    public void Without_a_sea_network_ocean_plans_are_null_and_other_modes_still_work()
    {
        var planner = new RoutePlanner(seaRouter: null);
        Assert.False(planner.CanPlanOcean);
        Assert.Null(planner.Plan("ocean", Ports.Shanghai, Ports.Rotterdam));
        Assert.NotNull(planner.Plan("air", Ports.Shanghai, Ports.Rotterdam));
    }

    [Fact]
    public async Task Concurrent_callers_get_consistent_routes()
    {
        var planner = NewPlanner();
        (GeoPoint From, GeoPoint To)[] lanes =
            [(Ports.Shanghai, Ports.Rotterdam), (Ports.Singapore, Ports.Rotterdam), (Ports.Shanghai, Ports.LongBeach), (Ports.Yokohama, Ports.Vancouver)];
        var expected = lanes.Select(l => SeaNetworks.Router.Route(l.From, l.To)!.DistanceKm).ToArray();

        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            int lane = i % lanes.Length;
            // Half go through the cache, half straight to the router, so the router's per-thread state is exercised too.
            double km = i % 2 == 0
                ? planner.Plan("ocean", lanes[lane].From, lanes[lane].To)!.DistanceKm
                : SeaNetworks.Router.Route(lanes[lane].From, lanes[lane].To)!.DistanceKm;
            return (lane, km);
        }));
        foreach (var (lane, km) in await Task.WhenAll(tasks))
            Assert.Equal(expected[lane], km, 1.0); // the cache computes from ~1 km-rounded ends
    }
}
