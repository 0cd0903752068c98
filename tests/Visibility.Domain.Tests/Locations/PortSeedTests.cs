using System.Text.RegularExpressions;
using Visibility.Domain.Geo;
using Visibility.Domain.Locations;

namespace Visibility.Domain.Tests.Locations;

public class PortSeedTests
{
    private static readonly string[] KnownKinds = [LocationKinds.Port, LocationKinds.Airport, LocationKinds.Inland];

    [Fact]
    public void Seed_has_no_duplicate_codes()
    {
        var duplicates = PortSeed.Entries.GroupBy(l => l.Locode).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_seeded_code_is_a_well_formed_locode_whose_country_is_its_prefix()
    {
        var code = new Regex("^[A-Z]{2}[A-Z2-9]{3}$");
        foreach (var l in PortSeed.Entries)
        {
            Assert.Matches(code, l.Locode);
            Assert.Equal(l.Locode[..2], l.Country);
        }
    }

    [Fact]
    public void Every_seeded_entry_has_a_name_a_valid_point_and_known_kinds()
    {
        foreach (var l in PortSeed.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Name), l.Locode);
            Assert.True(GeoMath.IsValid(l.Lat, l.Lon), l.Locode);
            Assert.NotEmpty(l.Kinds);
            Assert.All(l.Kinds, k => Assert.Contains(k, KnownKinds));
            Assert.Equal(l.Kinds.Count, l.Kinds.Distinct().Count());
        }
    }

    [Fact]
    public void Seed_covers_the_china_plus_one_network_at_the_intended_size()
    {
        Assert.InRange(PortSeed.Entries.Count, 150, 200);
        var codes = PortSeed.Entries.Select(l => l.Locode).ToHashSet();
        string[] mustHave =
        [
            "CNSHA", "CNNGB", "CNYTN", "HKHKG", "TWKHH", "KRPUS", "SGSIN", "MYPKG", "VNSGN", "VNHPH", "INNSA",
            "AEJEA", "EGPSD", "NLRTM", "DEHAM", "MXZLO", "USLAX", "USLGB", "CAVAN", "PAMIT", "LKCMB",
            "MXMTY", "VNBNH", "KRKUM", "CNPVG", "KRICN", "USANC", "USMEM", "USLUI",
        ];
        Assert.All(mustHave, c => Assert.Contains(c, codes));
        Assert.Contains(PortSeed.Entries, l => l.Kinds.SequenceEqual([LocationKinds.Inland]));
        Assert.Contains(PortSeed.Entries, l => l.Kinds.SequenceEqual([LocationKinds.Airport]));
    }

    [Theory]
    // Spot checks of ports whose terminal is far from the city centre: the point must be the terminal.
    [InlineData("NLRTM", 51.95, 4.05, 8)]     // Maasvlakte, not Rotterdam city (4.5 E)
    [InlineData("CNYTN", 22.57, 114.27, 5)]   // Yantian, Shenzhen (UN/LOCODE says Fujian)
    [InlineData("MAPTM", 35.89, -5.50, 5)]    // Tanger Med, not Tangier city
    [InlineData("USHOU", 29.68, -95.00, 10)]  // Barbours Cut on Galveston Bay, not downtown Houston
    [InlineData("PAMIT", 9.36, -79.88, 5)]    // Manzanillo International Terminal, Colon
    public void Port_points_are_the_terminal_area(string locode, double lat, double lon, double toleranceKm)
    {
        var l = PortSeed.Entries.Single(e => e.Locode == locode);
        Assert.InRange(GeoMath.HaversineKm(l.Lat, l.Lon, lat, lon), 0, toleranceKm);
    }
}
