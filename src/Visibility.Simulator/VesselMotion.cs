using Visibility.Domain.Geo;

namespace Visibility.Simulator;

/// <summary>A span of voyage time (measured from the planned departure).</summary>
public readonly record struct TimeWindow(TimeSpan Start, TimeSpan Duration)
{
    public TimeSpan End => Start + Duration;
    public bool Contains(TimeSpan t) => t >= Start && t < End;

    /// <summary>How much of [0, t) this window covers.</summary>
    public TimeSpan OverlapUntil(TimeSpan t)
    {
        var from = Start < TimeSpan.Zero ? TimeSpan.Zero : Start;
        var to = End < t ? End : t;
        return to > from ? to - from : TimeSpan.Zero;
    }
}

/// <summary>
/// How one voyage moves and misbehaves, fixed when the voyage is planned. All windows are in voyage
/// time (since planned departure), so they happen at the same point of the voyage whatever TimeScale is.
/// </summary>
/// <param name="CruiseKmh">The mode's typical speed for this vehicle (planned arrival assumes it).</param>
/// <param name="SpeedFactor">Below 1 the voyage runs slow and ends up late.</param>
/// <param name="NoiseAmplitude">Relative speed wobble (0.03 = ±3 %), smooth so positions never jump.</param>
/// <param name="Stall">Stopped at sea / on the road: speed ~0 and position fixed.</param>
/// <param name="Silence">The tracker sends nothing.</param>
/// <param name="Excursion">Reefer temperature sustained above setpoint by ExcursionDeltaC.</param>
public sealed record MotionProfile(
    double CruiseKmh,
    double SpeedFactor,
    double NoiseAmplitude,
    TimeSpan NoisePeriod,
    double NoisePhase,
    TimeWindow? Stall = null,
    TimeWindow? Silence = null,
    TimeWindow? Excursion = null,
    double ExcursionDeltaC = 0);

public enum VoyagePhase { NotDeparted, Underway, Stalled, Arrived }

/// <summary>Where a voyage is at one instant.</summary>
public readonly record struct MotionState(
    GeoPoint Position, double HeadingDeg, double SpeedKnots, double DistanceKm, double Progress, VoyagePhase Phase);

/// <summary>
/// Pure kinematics: the state of a voyage at a given voyage time. Distance is the closed-form integral of
/// speed(τ) = v·(1 + A·sin(ωτ + φ)) over moving time τ (elapsed minus time spent stalled), so any instant
/// can be evaluated directly, in any order, and restarts land on the same position.
/// </summary>
public static class VesselMotion
{
    public static MotionState At(RoutePath route, MotionProfile profile, TimeSpan elapsed)
    {
        if (elapsed <= TimeSpan.Zero)
        {
            var (start, heading0) = route.At(0);
            return new MotionState(start, heading0, 0, 0, 0, VoyagePhase.NotDeparted);
        }

        var stalledFor = profile.Stall?.OverlapUntil(elapsed) ?? TimeSpan.Zero;
        double movingHours = (elapsed - stalledFor).TotalHours;
        double distance = DistanceKm(profile, movingHours);

        if (distance >= route.LengthKm)
        {
            var (end, heading) = route.At(route.LengthKm);
            return new MotionState(end, heading, 0, route.LengthKm, 1, VoyagePhase.Arrived);
        }

        var (position, headingDeg) = route.At(distance);
        double progress = route.LengthKm > 0 ? distance / route.LengthKm : 1;
        if (profile.Stall is { } stall && stall.Contains(elapsed))
            return new MotionState(position, headingDeg, 0, distance, progress, VoyagePhase.Stalled);

        double speedKmh = SpeedKmh(profile, movingHours);
        return new MotionState(position, headingDeg, speedKmh / GeoMath.KmPerNauticalMile, distance, progress, VoyagePhase.Underway);
    }

    /// <summary>Whether the tracker is silent at this voyage time (it still moves, it just does not report).</summary>
    public static bool IsSilent(MotionProfile profile, TimeSpan elapsed) => profile.Silence?.Contains(elapsed) ?? false;

    /// <summary>Extra degrees on the reefer reading at this voyage time (0 outside the excursion).</summary>
    public static double ExcursionC(MotionProfile profile, TimeSpan elapsed) =>
        profile.Excursion is { } w && w.Contains(elapsed) ? profile.ExcursionDeltaC : 0;

    private static double Omega(MotionProfile p) => 2 * Math.PI / Math.Max(1e-6, p.NoisePeriod.TotalHours);

    private static double SpeedKmh(MotionProfile p, double movingHours) =>
        p.CruiseKmh * p.SpeedFactor * (1 + p.NoiseAmplitude * Math.Sin(Omega(p) * movingHours + p.NoisePhase));

    private static double DistanceKm(MotionProfile p, double movingHours)
    {
        double w = Omega(p);
        double wobble = p.NoiseAmplitude / w * (Math.Cos(p.NoisePhase) - Math.Cos(w * movingHours + p.NoisePhase));
        return p.CruiseKmh * p.SpeedFactor * (movingHours + wobble);
    }
}
