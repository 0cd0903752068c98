using Visibility.Domain.Geo;

namespace Visibility.Simulator;

/// <summary>
/// One shipment the simulator is moving: what the API says about it (mode, planned departure, reefer
/// band, route) plus the planner's motion profile. Owned by the scheduling loop (not thread-safe).
/// </summary>
public sealed class Voyage(
    string id, int index, int generation, TransportMode mode, DateTimeOffset plannedDeparture,
    RoutePath route, MotionProfile profile, ReeferRange? reefer, ulong key)
{
    private long _lastSeq;

    public string Id { get; } = id;
    public int Index { get; } = index;
    public int Generation { get; } = generation;
    public TransportMode Mode { get; } = mode;
    public DateTimeOffset PlannedDeparture { get; } = plannedDeparture;
    /// <summary>The route sailed; replaced when the platform re-routes the shipment (a closed strait), see <see cref="Follow"/>.</summary>
    public RoutePath Route { get; private set; } = route;

    /// <summary>
    /// Sails the platform's new route from here on: the distance already covered is kept, so a route that shares the
    /// stretch sailed so far (a re-route decided before the fork) continues without a jump.
    /// </summary>
    public void Follow(RoutePath route, double apiDistanceKm)
    {
        Route = route;
        ApiDistanceKm = apiDistanceKm;
    }

    /// <summary>The route length as the platform reported it (its own measure), to notice when it changes.</summary>
    public double ApiDistanceKm { get; set; } = double.NaN;
    public MotionProfile Profile { get; } = profile;
    public ReeferRange? Reefer { get; } = reefer;
    public ulong Key { get; } = key;

    /// <summary>Set once the arrival reading went out; the voyage then reports no more.</summary>
    public bool Finished { get; set; }

    /// <summary>Set when the API no longer knows the shipment; the loop drops it and books it again.</summary>
    public bool Retired { get; set; }

    /// <summary>Voyage time: wall-clock time since planned departure, times TimeScale.</summary>
    public TimeSpan Elapsed(DateTimeOffset now, double timeScale) => (now - PlannedDeparture) * timeScale;

    /// <summary>
    /// The reading a tracker on this voyage sends at `now`, or null when it sends nothing (not departed yet,
    /// tracker silent, or already finished). messageId = "{id}:{seq}", seq = Unix milliseconds of the reading,
    /// kept strictly increasing: unique per reading and still unique after a restart of the simulator.
    /// </summary>
    public (TelemetryReading? Reading, MotionState State) Sample(DateTimeOffset now, double timeScale)
    {
        var elapsed = Elapsed(now, timeScale);
        var state = VesselMotion.At(Route, Profile, elapsed);
        if (Finished || state.Phase == VoyagePhase.NotDeparted) return (null, state);
        if (state.Phase != VoyagePhase.Arrived && VesselMotion.IsSilent(Profile, elapsed)) return (null, state);

        long seq = Math.Max(_lastSeq + 1, now.ToUnixTimeMilliseconds());
        _lastSeq = seq;
        var sensors = SensorModel.Sample(Key, (ulong)seq, Mode, Reefer, Profile, elapsed, state.Progress);
        double speed = state.Phase switch
        {
            VoyagePhase.Stalled => Math.Abs(0.15 * DeterministicRandom.Normal(DeterministicRandom.Key(Key, (ulong)seq, 9))), // drifting
            VoyagePhase.Arrived => 0,
            _ => state.SpeedKnots,
        };
        var reading = new TelemetryReading(
            $"{Id}:{seq}", Id, now.UtcDateTime,
            Math.Round(state.Position.Lat, 5), Math.Round(GeoMath.NormalizeLon(state.Position.Lon), 5),
            Math.Round(speed, 1), Math.Round(state.HeadingDeg, 1),
            sensors.TemperatureC, sensors.HumidityPct, sensors.ShockG, sensors.DoorOpen, sensors.BatteryPct);
        return (reading, state);
    }
}
