using Visibility.Domain.Geo;
using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class VesselMotionTests
{
    // About 6,672 km due east along the equator.
    private static readonly RoutePath Equator = new([new GeoPoint(0, 0), new GeoPoint(0, 30), new GeoPoint(0, 60)]);
    private static readonly double Knots17 = 17 * GeoMath.KmPerNauticalMile;

    private static MotionProfile Profile(double factor = 1, TimeWindow? stall = null, TimeWindow? silence = null,
        TimeWindow? excursion = null, double amplitude = 0.03) =>
        new(Knots17, factor, amplitude, TimeSpan.FromHours(6), 0.7, stall, silence, excursion, excursion is null ? 0 : 6);

    [Fact]
    public void Before_departure_it_waits_at_the_origin()
    {
        var s = VesselMotion.At(Equator, Profile(), TimeSpan.FromHours(-3));
        Assert.Equal(VoyagePhase.NotDeparted, s.Phase);
        Assert.Equal(Equator.Start, s.Position);
        Assert.Equal(0, s.SpeedKnots);
    }

    [Fact]
    public void Distance_follows_speed_times_time_within_the_noise()
    {
        var p = Profile(factor: 0.9);
        for (int h = 1; h <= 150; h += 7)
        {
            var s = VesselMotion.At(Equator, p, TimeSpan.FromHours(h));
            double nominal = Knots17 * 0.9 * h;
            // The wobble integrates to at most A/ω·2·v; a few km, never a drift.
            Assert.InRange(s.DistanceKm, nominal - 10, nominal + 10);
            Assert.InRange(s.SpeedKnots, 17 * 0.9 * 0.97 - 1e-9, 17 * 0.9 * 1.03 + 1e-9);
            Assert.Equal(90, s.HeadingDeg, 1);
            Assert.Equal(VoyagePhase.Underway, s.Phase);
        }
    }

    [Fact]
    public void It_never_goes_backwards()
    {
        var p = Profile(amplitude: 0.08);
        double last = -1;
        for (double h = 0.1; h < 200; h += 0.37)
        {
            double d = VesselMotion.At(Equator, p, TimeSpan.FromHours(h)).DistanceKm;
            Assert.True(d >= last, $"distance fell from {last} to {d} at {h} h");
            last = d;
        }
    }

    [Fact]
    public void It_arrives_and_stays_at_the_destination()
    {
        var p = Profile();
        double hoursNeeded = Equator.LengthKm / Knots17;
        var s = VesselMotion.At(Equator, p, TimeSpan.FromHours(hoursNeeded * 1.05));
        Assert.Equal(VoyagePhase.Arrived, s.Phase);
        Assert.Equal(1, s.Progress);
        Assert.Equal(0, s.SpeedKnots);
        Assert.Equal(60, s.Position.Lon, 6);

        var before = VesselMotion.At(Equator, p, TimeSpan.FromHours(hoursNeeded * 0.95));
        Assert.Equal(VoyagePhase.Underway, before.Phase);
        Assert.InRange(before.Progress, 0.9, 0.99);
    }

    [Fact]
    public void A_stall_holds_position_and_costs_exactly_its_duration()
    {
        var stall = new TimeWindow(TimeSpan.FromHours(40), TimeSpan.FromHours(20));
        var stalled = Profile(stall: stall);
        var free = Profile();

        var at45 = VesselMotion.At(Equator, stalled, TimeSpan.FromHours(45));
        var at55 = VesselMotion.At(Equator, stalled, TimeSpan.FromHours(55));
        Assert.Equal(VoyagePhase.Stalled, at45.Phase);
        Assert.Equal(0, at45.SpeedKnots);
        Assert.Equal(at45.Position, at55.Position);
        Assert.Equal(VesselMotion.At(Equator, free, TimeSpan.FromHours(40)).DistanceKm, at45.DistanceKm, 6);

        // After the stall it is exactly 20 h of sailing behind the voyage that never stopped.
        var after = VesselMotion.At(Equator, stalled, TimeSpan.FromHours(90));
        Assert.Equal(VoyagePhase.Underway, after.Phase);
        Assert.Equal(VesselMotion.At(Equator, free, TimeSpan.FromHours(70)).DistanceKm, after.DistanceKm, 6);
    }

    [Fact]
    public void Silence_and_excursion_apply_only_inside_their_windows()
    {
        var window = new TimeWindow(TimeSpan.FromHours(10), TimeSpan.FromMinutes(60));
        var p = Profile(silence: window, excursion: window);
        Assert.False(VesselMotion.IsSilent(p, TimeSpan.FromHours(9.99)));
        Assert.True(VesselMotion.IsSilent(p, TimeSpan.FromHours(10.5)));
        Assert.False(VesselMotion.IsSilent(p, TimeSpan.FromHours(11)));
        Assert.Equal(0, VesselMotion.ExcursionC(p, TimeSpan.FromHours(9)));
        Assert.Equal(6, VesselMotion.ExcursionC(p, TimeSpan.FromHours(10.2)));
        Assert.False(VesselMotion.IsSilent(Profile(), TimeSpan.FromHours(10.5)));
    }

    [Fact]
    public void Time_window_overlap()
    {
        var w = new TimeWindow(TimeSpan.FromHours(2), TimeSpan.FromHours(3));
        Assert.Equal(TimeSpan.Zero, w.OverlapUntil(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(1), w.OverlapUntil(TimeSpan.FromHours(3)));
        Assert.Equal(TimeSpan.FromHours(3), w.OverlapUntil(TimeSpan.FromHours(30)));
    }
}
