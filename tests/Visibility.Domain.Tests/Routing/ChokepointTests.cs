using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Routing;

public class ChokepointTests
{
    [Theory]
    [InlineData("suez")]
    [InlineData("SUEZ")]
    [InlineData(" Hormuz ")]
    [InlineData("babelmandeb")]
    [InlineData("northeast")]
    public void Known_names_are_case_insensitive(string name) => Assert.True(Chokepoints.IsKnown(name));

    [Theory]
    [InlineData("capeofgoodhope")]
    [InlineData("suez canal")]
    [InlineData("")]
    [InlineData(null)]
    public void Open_ocean_and_misspellings_are_not_chokepoints(string? name) => Assert.False(Chokepoints.IsKnown(name));

    [Fact]
    public void Catalogue_covers_the_marnet_passes_and_hormuz_with_display_names_and_points()
    {
        string[] expected = ["suez", "babelmandeb", "malacca", "panama", "gibraltar", "hormuz", "dover", "bering",
            "magellan", "kiel", "corinth", "northwest", "northeast"];
        Assert.Equal(expected.Order(), Chokepoints.All.Select(c => c.Name).Order());
        Assert.Equal(["northeast", "northwest"], Chokepoints.AvoidedByDefault.Order());
        Assert.Equal("Strait of Hormuz", Chokepoints.Get("HORMUZ").DisplayName);
        // Every representative point lies inside (or within 300 km of) the passage's own detection box.
        Assert.All(Chokepoints.All, c => Assert.Contains(c.DetectionBoxes,
            b => GeoMath.HaversineKm(c.Point, new GeoPoint(Math.Clamp(c.Point.Lat, b.MinLat, b.MaxLat), Math.Clamp(c.Point.Lon, b.MinLon, b.MaxLon))) < 300));
    }

    [Fact]
    public void Normalize_sorts_dedupes_and_rejects_unknown_names()
    {
        Assert.Equal(["panama", "suez"], Chokepoints.Normalize(["Suez", "panama", "SUEZ"]));
        var error = Assert.Throws<ArgumentException>(() => Chokepoints.Normalize(["suez", "capeofgoodhope"]));
        Assert.Contains("capeofgoodhope", error.Message);
    }

    [Fact]
    public void Routing_with_an_unknown_chokepoint_throws_instead_of_ignoring_it() =>
        Assert.Throws<ArgumentException>(() => SeaNetworks.Router.Route(Ports.Shanghai, Ports.Rotterdam, ["suezz"]));

    [Fact]
    public void Jebel_Ali_routes_report_Hormuz_which_marnet_does_not_tag()
    {
        var route = SeaNetworks.Router.Route(Ports.JebelAli, Ports.Rotterdam);
        Assert.NotNull(route);
        Assert.Equal("hormuz", route.Passes[0]);
        Assert.Contains("suez", route.Passes);
        Assert.True(SeaNetworks.Marnet50.EdgesPerPass["hormuz"] > 0);
    }

    [Fact]
    public void Avoiding_Hormuz_leaves_the_Persian_Gulf_with_no_route_out()
    {
        Assert.Null(SeaNetworks.Router.Route(Ports.JebelAli, Ports.Singapore, ["hormuz"]));
        Assert.NotNull(SeaNetworks.Router.Route(Ports.JebelAli, Ports.Singapore));
    }

    [Fact]
    public void Arctic_passages_are_avoided_by_default_and_used_only_when_allowed()
    {
        var normal = SeaNetworks.Router.Route(Ports.Yokohama, Ports.Rotterdam);
        Assert.NotNull(normal);
        Assert.DoesNotContain(normal.Passes, Chokepoints.AvoidedByDefault.Contains);
        Assert.All(normal.Path, p => Assert.True(p.Lat < 66, $"{p} is in the Arctic"));

        var arctic = SeaNetworks.Router.Route(Ports.Yokohama, Ports.Rotterdam, allowArctic: true);
        Assert.NotNull(arctic);
        Assert.Contains("northeast", arctic.Passes);
        Assert.True(arctic.DistanceKm < normal.DistanceKm);
    }

    [Fact]
    public void Each_tagged_passage_is_a_real_cut_avoiding_it_changes_the_route()
    {
        // Through-routes for each passage; avoiding it must remove it from the route and lengthen the trip.
        (string Pass, GeoPoint From, GeoPoint To)[] cases =
        [
            ("suez", Ports.Singapore, Ports.Rotterdam),
            ("babelmandeb", Ports.Singapore, Ports.Rotterdam),
            ("malacca", Ports.Singapore, Ports.Rotterdam),
            ("gibraltar", Ports.Singapore, Ports.Rotterdam),
            ("dover", Ports.Singapore, Ports.Hamburg),
            ("panama", Ports.Shanghai, Ports.NewYork),
            ("hormuz", Ports.JebelAli, Ports.Rotterdam),
        ];
        foreach (var (pass, from, to) in cases)
        {
            var through = SeaNetworks.Router.Route(from, to)!;
            Assert.Contains(pass, through.Passes);
            var around = SeaNetworks.Router.Route(from, to, [pass]);
            if (around == null) continue; // Hormuz: the Gulf has no other exit
            Assert.DoesNotContain(pass, around.Passes);
            Assert.True(around.DistanceKm > through.DistanceKm, $"avoiding {pass} should cost distance");
        }
    }
}
