using System.Text;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;

namespace Visibility.Domain.Tests.Disruptions;

public class QuakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(6.0, 100.0)]
    [InlineData(6.5, 177.8)]
    [InlineData(7.0, 316.2)]
    [InlineData(8.0, 1000.0)]
    [InlineData(9.5, 1000.0)] // capped
    [InlineData(1.0, 10.0)]   // floored
    public void The_radius_grows_by_root_ten_per_magnitude_unit(double magnitude, double km) =>
        Assert.Equal(km, QuakeRules.RadiusKm(magnitude), 1);

    [Theory]
    [InlineData(6.0, 7.0)]
    [InlineData(7.0, 21.0)]
    [InlineData(8.0, 63.0)]
    [InlineData(4.0, 3.0)]    // floored
    [InlineData(9.5, 180.0)]  // capped
    public void Recovery_triples_per_magnitude_unit(double magnitude, double days) =>
        Assert.Equal(days, QuakeRules.RecoveryDays(magnitude), 6);

    [Fact]
    public void Severity_follows_the_magnitude()
    {
        Assert.Equal(DisruptionSeverity.Low, QuakeRules.Severity(5.9));
        Assert.Equal(DisruptionSeverity.Medium, QuakeRules.Severity(6.2));
        Assert.Equal(DisruptionSeverity.High, QuakeRules.Severity(7.4));
        Assert.Equal(DisruptionSeverity.Critical, QuakeRules.Severity(7.5));
    }

    private static QuakeItem Quake(double mag, DateTimeOffset time) => new("us1234", mag, time, new GeoPoint(23.2, 113.75), 10, "near Dongguan", null);

    [Fact]
    public void A_recent_strong_quake_becomes_an_active_hazard_with_its_radius_and_recovery()
    {
        var (definition, disposition, resolvedAt) = QuakeImport.Plan(Quake(7.0, Now.AddHours(-3)), new QuakeImportOptions(), Now);
        Assert.Equal(QuakeDisposition.Active, disposition);
        Assert.Null(resolvedAt);
        Assert.Equal("usgs-us1234", definition!.Id);
        Assert.Equal(DisruptionType.NaturalHazard, definition.Type);
        Assert.Equal(316.2, definition.Zone!.RadiusKm, 1);
        Assert.Equal(Now.AddHours(-3).AddDays(21), definition.ExpectedEnd);
        Assert.True(definition.AutoResolve);
        Assert.Equal("M7.0 earthquake: near Dongguan", definition.Title);
    }

    [Fact]
    public void An_old_quake_is_history_resolved_when_its_recovery_ended_and_a_weak_one_is_no_disruption()
    {
        var old = QuakeImport.Plan(Quake(7.0, Now.AddDays(-60)), new QuakeImportOptions(), Now);
        Assert.Equal(QuakeDisposition.History, old.Disposition);
        Assert.Equal(Now.AddDays(-60).AddDays(21), old.ResolvedAt);
        // Older than the active window but still inside its recovery time: history too, resolved now.
        var outsideWindow = QuakeImport.Plan(Quake(8.0, Now.AddDays(-10)), new QuakeImportOptions(ActiveDays: 7), Now);
        Assert.Equal((QuakeDisposition.History, Now), (outsideWindow.Disposition, outsideWindow.ResolvedAt!.Value));
        var weak = QuakeImport.Plan(Quake(5.9, Now), new QuakeImportOptions(MinMagnitude: 6), Now);
        Assert.Equal((QuakeDisposition.BelowThreshold, (DisruptionDefinition?)null), (weak.Disposition, weak.Definition));
    }

    [Fact]
    public void The_shared_usgs_snapshot_reads_completely()
    {
        var result = UsgsFeed.Parse(File.ReadAllBytes(TestData.File("usgs-earthquakes", "usgs_4.5_month_2013-07-20.geojson")));
        Assert.Null(result.Error);
        Assert.Equal(314, result.Items.Count);
        Assert.Empty(result.Skipped);
        var first = result.Items[0];
        Assert.Equal(("usb000iigv", 5.2, -2.2439, 138.5063), (first.Id, first.Magnitude, first.Epicentre.Lat, first.Epicentre.Lon));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1374321680940), first.Time);
        // Nine events of M6 or more (the strongest M7.3), all in 2013: at import they become history, never active.
        var strong = result.Items.Where(q => q.Magnitude >= 6).ToArray();
        Assert.Equal(9, strong.Length);
        Assert.All(strong, q => Assert.Equal(QuakeDisposition.History, QuakeImport.Plan(q, new QuakeImportOptions(), Now).Disposition));
    }

    [Fact]
    public void Malformed_items_are_skipped_with_a_reason_and_the_rest_read()
    {
        const string feed = """
            {"type":"FeatureCollection","features":[
              {"id":"ok1","properties":{"mag":6.1,"time":1700000000000,"place":"somewhere"},"geometry":{"type":"Point","coordinates":[10,20,5]}},
              {"id":"nomag","properties":{"time":1700000000000},"geometry":{"type":"Point","coordinates":[10,20]}},
              {"id":"badmag","properties":{"mag":"6.1","time":1700000000000},"geometry":{"type":"Point","coordinates":[10,20]}},
              {"properties":{"mag":6.1,"time":1700000000000},"geometry":{"type":"Point","coordinates":[10,20]}},
              {"id":"notime","properties":{"mag":6.1},"geometry":{"type":"Point","coordinates":[10,20]}},
              {"id":"offmap","properties":{"mag":6.1,"time":1700000000000},"geometry":{"type":"Point","coordinates":[10,95]}},
              {"id":"line","properties":{"mag":6.1,"time":1700000000000},"geometry":{"type":"LineString","coordinates":[[10,20],[11,21]]}},
              {"id":"blast","properties":{"mag":6.1,"time":1700000000000,"type":"quarry blast"},"geometry":{"type":"Point","coordinates":[10,20]}},
              {"id":"bad id/../x","properties":{"mag":6.1,"time":1700000000000},"geometry":{"type":"Point","coordinates":[10,20]}},
              {"id":"ok1","properties":{"mag":6.1,"time":1700000000000},"geometry":{"type":"Point","coordinates":[10,20]}},
              42
            ]}
            """;
        var result = UsgsFeed.Parse(Encoding.UTF8.GetBytes(feed));
        Assert.Null(result.Error);
        Assert.Equal("ok1", Assert.Single(result.Items).Id);
        Assert.Equal(10, result.Skipped.Count);
        Assert.Equal(Enumerable.Range(1, 10), result.Skipped.Select(s => s.Index));
        Assert.All(result.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Contains(result.Skipped, s => s.ItemId == "nomag" && s.Reason.Contains("mag"));
        Assert.Contains(result.Skipped, s => s.ItemId == "offmap" && s.Reason.Contains("coordinates"));
        Assert.Contains(result.Skipped, s => s.ItemId == "blast" && s.Reason.Contains("not an earthquake"));
        Assert.Contains(result.Skipped, s => s.Index == 9 && s.Reason.Contains("earlier"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"FeatureCollection\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public void A_document_that_is_not_a_feed_is_refused_whole(string body) =>
        Assert.NotNull(UsgsFeed.Parse(Encoding.UTF8.GetBytes(body)).Error);
}
