using Visibility.Domain.Geo;
using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class VoyageSamplingTests
{
    private static readonly DateTimeOffset Departure = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RoutePath Route = new([new GeoPoint(0, 100), new GeoPoint(0, 110)]); // ~1,112 km

    private static Voyage Make(ReeferRange? reefer = null, TimeWindow? silence = null, TimeWindow? excursion = null, double cruiseKmh = 30) =>
        new("SIM-000001", 1, 0, TransportMode.Ocean, Departure, Route,
            new MotionProfile(cruiseKmh, 1, 0.03, TimeSpan.FromHours(6), 0, null, silence, excursion, excursion is null ? 0 : 6.5),
            reefer, 12345);

    [Fact]
    public void A_voyage_following_a_new_route_keeps_its_distance_sailed_and_does_not_jump()
    {
        var voyage = Make();
        var now = Departure + TimeSpan.FromHours(10); // ~300 km along, short of the fork at 105° E
        var before = voyage.Sample(now, 1).State;
        // The platform re-routes it: the same first half, then north instead of on east.
        voyage.Follow(new RoutePath([new GeoPoint(0, 100), new GeoPoint(0, 105), new GeoPoint(5, 105)]), 1_112);
        var after = voyage.Sample(now, 1).State;
        Assert.Equal(before.Position.Lat, after.Position.Lat, 6);
        Assert.Equal(before.Position.Lon, after.Position.Lon, 6);
        Assert.Equal(1_112, voyage.ApiDistanceKm);
        // Later it sails the new leg north.
        var later = voyage.Sample(now + TimeSpan.FromHours(25), 1).State;
        Assert.True(later.Position.Lat > 0.5, $"expected north of the equator, at {later.Position}");
    }

    [Fact]
    public void Message_ids_are_unique_and_increasing_even_within_one_millisecond()
    {
        var voyage = Make();
        var now = Departure + TimeSpan.FromHours(5);
        var ids = Enumerable.Range(0, 5).Select(_ => voyage.Sample(now, 1).Reading!.MessageId).ToList();
        Assert.Equal(5, ids.Distinct().Count());
        var seqs = ids.Select(id => long.Parse(id.Split(':')[1])).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.StartsWith("SIM-000001:", ids[0]);
    }

    [Fact]
    public void Readings_carry_the_sample_time_in_utc_and_the_route_position()
    {
        var voyage = Make();
        var now = Departure + TimeSpan.FromHours(10);
        var (reading, state) = voyage.Sample(now, 1);
        Assert.NotNull(reading);
        Assert.Equal(DateTimeKind.Utc, reading.Timestamp.Kind);
        Assert.Equal(now.UtcDateTime, reading.Timestamp);
        Assert.Equal(state.Position.Lat, reading.Lat, 1e-5);
        Assert.Equal(state.Position.Lon, reading.Lon, 1e-5);
        Assert.Equal(90, reading.HeadingDeg!.Value, 0);
        Assert.InRange(reading.SpeedKnots!.Value, 30 / 1.852 * 0.96, 30 / 1.852 * 1.04);
        Assert.Null(reading.TemperatureC); // dry cargo: no reefer probe
    }

    [Fact]
    public void Time_scale_advances_the_voyage_faster_than_the_clock()
    {
        var voyage = Make();
        var real = voyage.Sample(Departure + TimeSpan.FromHours(1), 1).State.DistanceKm;
        var fast = voyage.Sample(Departure + TimeSpan.FromHours(1), 10).State.DistanceKm;
        Assert.InRange(fast, real * 10 * 0.98, real * 10 * 1.02); // the speed wobble differs slightly over 1 h and 10 h
    }

    [Fact]
    public void Nothing_is_sent_before_departure_or_while_silent()
    {
        var voyage = Make(silence: new TimeWindow(TimeSpan.FromHours(3), TimeSpan.FromHours(2)));
        Assert.Null(voyage.Sample(Departure - TimeSpan.FromMinutes(1), 1).Reading);
        Assert.Null(voyage.Sample(Departure + TimeSpan.FromHours(4), 1).Reading);
        Assert.NotNull(voyage.Sample(Departure + TimeSpan.FromHours(5.5), 1).Reading);
    }

    [Fact]
    public void The_arrival_reading_is_at_the_destination_with_zero_speed()
    {
        var voyage = Make();
        var (reading, state) = voyage.Sample(Departure + TimeSpan.FromDays(3), 1);
        Assert.Equal(VoyagePhase.Arrived, state.Phase);
        Assert.NotNull(reading);
        Assert.Equal(110, reading.Lon, 4);
        Assert.Equal(0, reading.SpeedKnots);
        voyage.Finished = true;
        Assert.Null(voyage.Sample(Departure + TimeSpan.FromDays(3.1), 1).Reading);
    }

    [Fact]
    public void Reefer_holds_its_band_except_during_the_excursion()
    {
        var excursion = new TimeWindow(TimeSpan.FromHours(20), TimeSpan.FromMinutes(60));
        var voyage = Make(CargoCatalog.Chilled, excursion: excursion, cruiseKmh: 1); // slow, so it is still at sea
        for (double h = 0.05; h < 40; h += 0.05)
        {
            var at = Departure + TimeSpan.FromHours(h);
            double t = voyage.Sample(at, 1).Reading!.TemperatureC!.Value;
            if (excursion.Contains(TimeSpan.FromHours(h)))
                Assert.True(t > CargoCatalog.Chilled.MaxC, $"excursion at {h:0.00} h should exceed 8 °C, was {t}");
            else
                Assert.InRange(t, CargoCatalog.Chilled.MinC, CargoCatalog.Chilled.MaxC);
        }
    }
}

public class SensorModelTests
{
    private static readonly MotionProfile Plain = new(30, 1, 0.03, TimeSpan.FromHours(6), 0);

    [Fact]
    public void Frozen_loads_stay_frozen_and_dry_loads_report_no_temperature()
    {
        for (ulong k = 0; k < 2000; k++)
        {
            var frozen = SensorModel.Sample(7, k, TransportMode.Ocean, CargoCatalog.Frozen, Plain, TimeSpan.FromHours(k * 0.1), 0.5);
            Assert.InRange(frozen.TemperatureC!.Value, -25, -15);
            var dry = SensorModel.Sample(7, k, TransportMode.Truck, null, Plain, TimeSpan.FromHours(k * 0.1), 0.5);
            Assert.Null(dry.TemperatureC);
            Assert.InRange(dry.HumidityPct, 5, 100);
            Assert.InRange(dry.ShockG, 0, 4);
            Assert.False(dry.DoorOpen);
        }
    }

    [Fact]
    public void Battery_drains_with_voyage_time()
    {
        double Battery(double days) => SensorModel.Sample(9, 1, TransportMode.Ocean, null, Plain, TimeSpan.FromDays(days), 0.5).BatteryPct;
        Assert.InRange(Battery(0), 92, 100);
        Assert.True(Battery(10) < Battery(1));
        Assert.InRange(Battery(1) - Battery(10), 9 * 1.2 - 0.1, 9 * 2.0 + 0.1);
        Assert.Equal(3, Battery(400)); // floor, never negative
    }

    [Fact]
    public void Handling_shocks_are_rare_and_more_likely_at_the_ends()
    {
        int Spikes(double progress) => Enumerable.Range(0, 20_000)
            .Count(i => SensorModel.Sample(3, (ulong)i, TransportMode.Ocean, null, Plain, TimeSpan.FromHours(1), progress).ShockG >= 1);
        int atSea = Spikes(0.5), inPort = Spikes(0.01);
        Assert.InRange(atSea, 10, 80);    // ~0.2 %
        Assert.InRange(inPort, 450, 750); // ~3 %
    }
}
