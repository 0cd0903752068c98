using Visibility.Domain.Geo;
using Visibility.Domain.Tests;
using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class AisTests
{
    private const string Header = "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass";

    [Fact]
    public void Parses_rows_with_quoted_names_and_ais_sentinels()
    {
        var csv = string.Join('\n', Header,
            "367704390,2022-01-03T00:00:24,30.22025,-93.26768,0.2,275.4,197,\"RAY \"\"CHIEF\"\" TONEY\",,WDI5024,31,12,25,,,57,A",
            "205125000,2022-01-03T00:01:07,29.93764,-90.0578,102.3,360,192,CL CONTIGO,IMO9703411,ONLE,70,0,180,32,10.2,70,A",
            "205125000,2022-01-03T00:02:09,95.5,-90.05843,10.5,196.3,200,CL CONTIGO,IMO9703411,ONLE,70,0,180,32,10.2,70,A",
            "not-a-number,2022-01-03T00:02:09,29.9,-90.05,10.5,196.3,200,X,,,70,0,180,32,10.2,70,A",
            "205125000,2022-01-03T00:03:20,29.93133,-90.05978,10.6,205.5,210,CL CONTIGO,IMO9703411,ONLE,,0,180,32,10.2,70,A");
        var (rows, skipped) = AisCsv.Read(new StringReader(csv));

        Assert.Equal(2, skipped); // latitude 95.5 and the bad MMSI
        Assert.Equal(3, rows.Count);
        Assert.Equal("RAY \"CHIEF\" TONEY", rows[0].VesselName);
        Assert.Equal(31, rows[0].VesselType);
        Assert.Equal(new DateTime(2022, 1, 3, 0, 0, 24, DateTimeKind.Utc), rows[0].Time);
        Assert.Equal(DateTimeKind.Utc, rows[0].Time.Kind);
        Assert.Null(rows[1].SogKnots); // 102.3 = not available
        Assert.Null(rows[1].CogDeg);   // 360 = not available
        Assert.Null(rows[2].VesselType);

        // The tug (31) is left out; the cargo ship keeps both rows, the type taken from the row that has it.
        var vessel = Assert.Single(AisCsv.SelectVessels(rows, 10));
        Assert.Equal(205125000, vessel.Mmsi);
        Assert.Equal("AIS-205125000", vessel.ShipmentId);
        Assert.Equal(70, vessel.VesselType);
        Assert.Equal(2, vessel.Positions.Count);
    }

    [Fact]
    public void Reads_the_marinecadastre_sample()
    {
        using var reader = new StreamReader(TestData.File("ais-marinecadastre-20220103", "AIS_2022_01_03_sample.csv"));
        var (rows, skipped) = AisCsv.Read(reader);
        Assert.Equal(99_999, rows.Count + skipped);
        Assert.True(skipped < 100, $"{skipped} rows skipped");

        var all = AisCsv.SelectVessels(rows, int.MaxValue);
        // SOURCE.txt: 1,430 cargo/tanker vessels; those seen only once cannot be replayed as a track.
        Assert.InRange(all.Count, 1_300, 1_430);
        Assert.All(all, v =>
        {
            Assert.InRange(v.VesselType, 70, 89);
            Assert.True(v.Positions.Zip(v.Positions.Skip(1)).All(p => p.First.Time <= p.Second.Time));
        });

        var top = AisCsv.SelectVessels(rows, 50);
        Assert.Equal(50, top.Count);
        Assert.True(top[0].Positions.Count >= top[^1].Positions.Count);
    }

    [Fact]
    public void Ports_are_the_nearest_to_the_first_and_last_positions_and_never_the_same()
    {
        var ports = new List<(string, GeoPoint)>
        {
            ("USLAX", new GeoPoint(33.74, -118.27)), ("USLGB", new GeoPoint(33.75, -118.19)),
            ("USOAK", new GeoPoint(37.8, -122.3)), ("USHOU", new GeoPoint(29.73, -95.27)),
        };
        AisVessel Vessel(params (double Lat, double Lon)[] track) => new(1, "V", 70,
            track.Select((p, i) => new AisPosition(1, new DateTime(2022, 1, 3, 0, i, 0, DateTimeKind.Utc), p.Lat, p.Lon, 10, 0, "V", 70)).ToList());

        Assert.Equal(("USOAK", "USLAX"), AisReplay.PortsFor(Vessel((37.7, -122.6), (33.7, -118.3)), ports));
        // Anchored off Long Beach all day: destination Long Beach, origin the next nearest port.
        Assert.Equal(("USLAX", "USLGB"), AisReplay.PortsFor(Vessel((33.72, -118.15), (33.72, -118.15)), ports));
    }

    [Fact]
    public void Replay_time_shifts_the_day_to_now_and_applies_the_time_scale()
    {
        var dayStart = new DateTime(2022, 1, 3, 0, 0, 0, DateTimeKind.Utc);
        var now = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(now, AisReplay.ReplayTime(dayStart, dayStart, now, 1));
        Assert.Equal(now.AddMinutes(30), AisReplay.ReplayTime(dayStart.AddMinutes(30), dayStart, now, 1));
        Assert.Equal(now.AddMinutes(3), AisReplay.ReplayTime(dayStart.AddMinutes(30), dayStart, now, 10));
    }
}

public class SelfAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://[::]:5080", "http://localhost:5080/")]
    [InlineData("http://+:80", "http://127.0.0.1/")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    public void Wildcards_become_loopback(string address, string expected) =>
        Assert.Equal(new Uri(expected), SelfAddress.Pick([address]));

    [Fact]
    public void Plain_http_is_preferred()
    {
        Assert.Equal(new Uri("http://localhost:5080/"), SelfAddress.Pick(["https://localhost:5443", "http://localhost:5080"]));
        Assert.Equal(new Uri("https://localhost:5443/"), SelfAddress.Pick(["https://localhost:5443"]));
        Assert.Null(SelfAddress.Pick([]));
    }
}

public class BackoffTests
{
    [Fact]
    public void Grows_exponentially_with_jitter_and_a_cap()
    {
        Assert.InRange(Backoff.Delay(1, 0).TotalSeconds, 0.5, 0.5);
        Assert.InRange(Backoff.Delay(1, 0.999).TotalSeconds, 0.99, 1.0);
        Assert.InRange(Backoff.Delay(3, 0.5).TotalSeconds, 3, 3);
        Assert.InRange(Backoff.Delay(50, 0.999).TotalSeconds, 29.9, 30);
    }

    [Fact]
    public void Retry_after_and_minimum_win_when_longer_but_retry_after_is_bounded()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), Backoff.Delay(1, 0.5, retryAfter: TimeSpan.FromSeconds(20)));
        Assert.Equal(TimeSpan.FromSeconds(0.75), Backoff.Delay(1, 0.5, retryAfter: TimeSpan.FromSeconds(0.1)));
        Assert.Equal(Backoff.MaxRetryAfter, Backoff.Delay(1, 0.5, retryAfter: TimeSpan.FromHours(3)));
        Assert.Equal(TimeSpan.FromSeconds(30), Backoff.Delay(1, 0.5, minimum: TimeSpan.FromSeconds(30)));
    }
}

public class SimulatorOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_bad_values_are_named()
    {
        var defaults = new SimulatorOptions();
        Assert.Empty(defaults.Validate());
        Assert.Equal((300, 5.0, 1.0, 100, 42, 0.15, "SIM-"),
            (defaults.Shipments, defaults.ReportIntervalSeconds, defaults.TimeScale, defaults.BatchSize, defaults.Seed, defaults.ReeferShare, defaults.IdPrefix));

        var bad = new SimulatorOptions { Shipments = 0, TimeScale = 0, BatchSize = 5000, ReeferShare = 2, BaseUrl = "not a url" };
        var problems = bad.Validate();
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("BatchSize"));
    }
}
