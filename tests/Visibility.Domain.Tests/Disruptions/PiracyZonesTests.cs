using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;

namespace Visibility.Domain.Tests.Disruptions;

public class PiracyZonesTests
{
    private static (List<PiracyAttack> Attacks, Dictionary<string, int> Skipped) ReadShared()
    {
        using var reader = new StreamReader(TestData.File("maritime-pirate-attacks", "pirate_attacks.csv"));
        return PiracyZones.Read(reader);
    }

    [Fact]
    public void The_records_read_with_quoted_fields_across_lines()
    {
        var (attacks, _) = ReadShared();
        // 8,680 lines of text hold 7,511 records: some descriptions run over several lines.
        Assert.Equal(7_511, attacks.Count);
        Assert.Equal(new DateOnly(2020, 12, 29), attacks.Max(a => a.Date));
    }

    [Fact]
    public void Recent_attacks_cluster_into_zones_over_the_known_hot_spots_with_stable_ids()
    {
        var (attacks, _) = ReadShared();
        var zones = PiracyZones.Cluster(attacks, new PiracyZoneOptions());
        var singapore = new GeoPoint(1.25, 103.9);
        var gulfOfGuinea = new GeoPoint(4.0, 6.0); // off the Niger delta
        Assert.Contains(zones, z => z.ToDefinition().Zone!.Contains(singapore));
        Assert.Contains(zones, z => z.ToDefinition().Zone!.Contains(gulfOfGuinea));
        Assert.DoesNotContain(zones, z => z.ToDefinition().Zone!.Contains(new GeoPoint(35, -40))); // mid-Atlantic
        Assert.All(zones, z =>
        {
            Assert.InRange(z.RadiusKm, 50, 500);
            Assert.True(z.Attacks >= 10);
            Assert.True(z.From >= new DateOnly(2017, 12, 29));
        });
        // The same file gives the same ids, so importing it again creates nothing new.
        Assert.Equal(zones.Select(z => z.Id), PiracyZones.Cluster(attacks, new PiracyZoneOptions()).Select(z => z.Id));
        var definition = zones[0].ToDefinition();
        Assert.Equal((DisruptionType.SecurityZone, (DateTimeOffset?)null, PiracyZones.Source), (definition.Type, definition.ExpectedEnd, definition.Source));
    }

    [Fact]
    public void Rows_without_a_date_or_position_are_counted_not_read()
    {
        const string csv = "date,time,longitude,latitude,attack_type,location_description\n" +
                           "2020-01-01,NA,103.9,1.2,NA,\"Singapore Straits, eastbound\"\n" +
                           "NA,NA,103.9,1.2,NA,x\n" +
                           "2020-01-02,NA,NA,NA,NA,x\n" +
                           "2020-01-03,NA,103.9,1.2,NA,\"two\nlines\"\n";
        var (attacks, skipped) = PiracyZones.Read(new StringReader(csv));
        Assert.Equal(["Singapore Straits, eastbound", "two\nlines"], attacks.Select(a => a.Place));
        Assert.Equal(1, skipped["no date"]);
        Assert.Equal(1, skipped["no valid position"]);
    }

    [Fact]
    public void A_lone_incident_is_not_a_zone()
    {
        var attacks = Enumerable.Range(0, 9).Select(i => new PiracyAttack(new DateOnly(2020, 1, 1 + i), new GeoPoint(1.2, 103.9), "x")).ToList();
        attacks.Add(new PiracyAttack(new DateOnly(2020, 2, 1), new GeoPoint(-30, -30), "lone"));
        Assert.Empty(PiracyZones.Cluster(attacks, new PiracyZoneOptions(MinAttacks: 10)));
        Assert.Single(PiracyZones.Cluster(attacks, new PiracyZoneOptions(MinAttacks: 9)));
    }
}
