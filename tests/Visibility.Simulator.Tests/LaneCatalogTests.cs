using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class LaneCatalogTests
{
    [Fact]
    public void Lanes_with_unknown_codes_are_skipped_and_airport_codes_fall_back_to_the_city()
    {
        var known = new HashSet<string>(LaneCatalog.AllCodes(LaneCatalog.All));
        known.Remove("CNPVG");   // the catalog lacks the airport: use Shanghai's city code
        known.Remove("TWTPE");   // no fallback for Taipei: those lanes go
        var (usable, skipped) = LaneCatalog.Resolve(LaneCatalog.All, known.Contains);

        Assert.Contains(usable, l => l.Mode == TransportMode.Air && l.Origin == "CNSHA" && l.Destination == "USLAX");
        Assert.DoesNotContain(usable, l => l.Origin == "CNPVG" || l.Origin == "TWTPE");
        Assert.Equal(LaneCatalog.All.Count(l => l.Origins.SequenceEqual(["TWTPE"])), skipped.Count);
        Assert.All(skipped, s => Assert.Equal("TWTPE", s.Missing));
    }

    [Fact]
    public void Every_lane_uses_wellformed_locodes_and_distinct_ends()
    {
        foreach (var lane in LaneCatalog.All)
        {
            Assert.All(lane.Origins.Concat(lane.Destinations), c => Assert.Matches("^[A-Z]{2}[A-Z2-9]{3}$", c));
            Assert.NotEqual(lane.Origins[0], lane.Destinations[0]);
            Assert.True(lane.Weight > 0);
        }
    }

    [Fact]
    public void Pick_follows_the_weights()
    {
        var lanes = LaneCatalog.Resolve(LaneCatalog.All.Take(2), _ => true).Usable; // weights 9 and 6
        Assert.Equal(lanes[0], LaneCatalog.Pick(lanes, 0));
        Assert.Equal(lanes[0], LaneCatalog.Pick(lanes, 0.59));
        Assert.Equal(lanes[1], LaneCatalog.Pick(lanes, 0.61));
        Assert.Equal(lanes[1], LaneCatalog.Pick(lanes, 0.999999));
        Assert.Throws<InvalidOperationException>(() => LaneCatalog.Pick([], 0.5));
    }

    [Fact]
    public void Cargo_catalog_uses_real_hs_subheadings()
    {
        var expected = new Dictionary<string, string>
        {
            ["IC-MCU-32F4"] = "8542.31", ["PCB-FR4-6L-HDI"] = "8534.00", ["BAT-LI-21700-5A"] = "8507.60",
            ["CON-USBC-24P"] = "8536.69", ["CAP-MLCC-0402-1U"] = "8532.24",
        };
        foreach (var (part, hs) in expected) Assert.Equal(hs, CargoCatalog.Find(part).HsCode);
        Assert.All(CargoCatalog.DryParts.Concat(CargoCatalog.ReeferParts), p => Assert.Matches(@"^\d{4}\.\d{2}$", p.HsCode));
        Assert.All(CargoCatalog.ReeferParts, p => Assert.NotNull(p.Reefer));
    }
}
