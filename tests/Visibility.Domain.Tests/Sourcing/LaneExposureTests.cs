using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;
using Visibility.Domain.Routing;
using Visibility.Domain.Sourcing;

namespace Visibility.Domain.Tests.Sourcing;

public sealed class LaneExposureTests
{
    private static readonly ImpactSummary NoImpact = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);

    private static DisruptionView Open(string id, string type, string? chokepoint = null, string? locode = null, ZoneView? zone = null) => new()
    {
        Id = id, Type = type, Severity = "high", Title = id, Status = "active", Chokepoint = chokepoint, Locode = locode, Zone = zone,
        Source = "test", Impact = NoImpact,
    };

    // Three lanes to a Dutch plant: China through Malacca and Suez, Vietnam through Malacca and Suez, the US across the Atlantic.
    private static SourcingLane? Lane(string country) => country switch
    {
        "CN" => new("CN", "CNSHA", "NLRTM", new PlannedRoute("ocean", 19_655, [new(31.2, 121.5), new(1.3, 103.8), new(12.6, 43.3), new(30.0, 32.5), new(51.9, 4.1)], ["malacca", "babelmandeb", "suez"])),
        "VN" => new("VN", "VNSGN", "NLRTM", new PlannedRoute("ocean", 17_000, [new(10.8, 106.7), new(1.3, 103.8), new(12.6, 43.3), new(30.0, 32.5), new(51.9, 4.1)], ["malacca", "babelmandeb", "suez"])),
        "US" => new("US", "USLAX", "NLRTM", new PlannedRoute("ocean", 16_000, [new(33.7, -118.2), new(9.0, -79.6), new(51.9, 4.1)], ["panama"])),
        _ => null,
    };

    [Fact]
    public void A_closed_chokepoint_exposes_every_share_whose_lane_passes_it()
    {
        var e = LaneExposure.Of([new("CN", 60), new("VN", 30), new("US", 10)], Lane, [Open("D-SUEZ", "chokepoint-closure", chokepoint: "suez")]);
        Assert.Equal(90, e.ExposedSharePct);
        Assert.Equal(["CN", "VN"], e.Disruptions.Single().Countries);
    }

    [Fact]
    public void Ports_and_zones_expose_only_the_lanes_they_touch()
    {
        var congestion = Open("D-SHA", "port-congestion", locode: "CNSHA");
        var piracy = Open("D-ADEN", "security-zone", zone: new ZoneView(new GeoPoint(12.5, 44.0), 150, null));
        var farAway = Open("D-FAR", "natural-hazard", zone: new ZoneView(new GeoPoint(-40, -60), 300, null));
        var e = LaneExposure.Of([new("CN", 50), new("US", 50)], Lane, [congestion, piracy, farAway]);
        Assert.Equal(50, e.ExposedSharePct);
        Assert.Equal(["D-ADEN", "D-SHA"], e.Disruptions.Select(d => d.Id).ToArray());

        // Moving China's share to the US takes it off both.
        Assert.Equal(0, LaneExposure.Of([new("US", 100)], Lane, [congestion, piracy, farAway]).ExposedSharePct);
    }

    [Fact]
    public void Nothing_open_nothing_exposed()
    {
        Assert.Equal(0, LaneExposure.Of([new("CN", 100)], Lane, []).ExposedSharePct);
        Assert.Empty(LaneExposure.Of([new("CN", 100)], Lane, [Open("D-X", "supplier-site-outage")]).Disruptions);
    }
}
