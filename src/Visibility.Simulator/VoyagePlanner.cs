using Visibility.Domain.Geo;

namespace Visibility.Simulator;

/// <summary>What to create for one simulated shipment (everything except times, which need the route length).</summary>
/// <param name="SupplierId">The supplier whose cargo it is (see <see cref="ShipperCatalog"/>), or null.</param>
public sealed record VoyagePlan(
    string Id, int Index, int Generation, string Reference, ResolvedLane Lane,
    IReadOnlyList<CargoLine> Cargo, ReeferRange? Reefer, string? SupplierId = null);

/// <summary>
/// Decides, deterministically from the seed and the shipment id, which lane a voyage takes, what it
/// carries, how fast it goes, when it departed, and which incidents (slow steaming, stall, tracker
/// silence, reefer excursion) it will suffer. Pure: no I/O, no clock.
/// </summary>
public sealed class VoyagePlanner(int seed, IReadOnlyList<ResolvedLane> lanes, double reeferShare = 0.15, string idPrefix = "SIM-",
    ShipperCatalog? shippers = null)
{
    public const double OceanMinKnots = 16, OceanMaxKnots = 19;
    public const double AirMinKmh = 780, AirMaxKmh = 860;
    public const double TruckMinKmh = 55, TruckMaxKmh = 65;

    /// <summary>Share of voyages that run slow enough to end up late.</summary>
    public const double SlowShare = 0.10;
    /// <summary>Share of ocean/truck voyages that stop for a while (≈2 %).</summary>
    public const double StallShare = 0.02;
    /// <summary>Share of trackers that go silent for a period (≈1 %).</summary>
    public const double SilenceShare = 0.01;
    /// <summary>Share of reefer loads with a sustained temperature excursion (≈5 %).</summary>
    public const double ExcursionShare = 0.05;
    /// <summary>Share of first-generation voyages not departed yet, so "planned" shows on the map.</summary>
    public const double NotYetDepartedShare = 0.05;
    /// <summary>First-generation departures reach back at most this far (the map is populated at once).</summary>
    public static readonly TimeSpan MaxDepartureAge = TimeSpan.FromDays(30);

    /// <summary>"SIM-000123" for the first voyage of slot 123, "SIM-000123-g2" for its third.</summary>
    public static string ShipmentId(string prefix, int index, int generation) =>
        generation == 0 ? $"{prefix}{index:D6}" : $"{prefix}{index:D6}-g{generation}";

    public string ShipmentId(int index, int generation) => ShipmentId(idPrefix, index, generation);

    /// <summary>The key every random choice of a shipment derives from: seed and id, nothing else.</summary>
    public ulong KeyOf(string shipmentId) => DeterministicRandom.Key((ulong)seed, DeterministicRandom.Key(shipmentId));

    public VoyagePlan Plan(int index, int generation)
    {
        string id = ShipmentId(index, generation);
        ulong key = KeyOf(id);
        var lane = LaneCatalog.Pick(lanes, DeterministicRandom.Unit(DeterministicRandom.Key(key, 1)));
        bool reefer = DeterministicRandom.Unit(DeterministicRandom.Key(key, 2)) < reeferShare;
        var (cargo, range) = CargoCatalog.Pick(DeterministicRandom.Key(key, 3), lane.Mode, lane.Lane.FactoryId, reefer);
        int po = 4_500_000 + (int)(DeterministicRandom.Unit(DeterministicRandom.Key(key, 4)) * 499_999);
        var supplierId = (shippers ?? ShipperCatalog.Empty).ShipperOf(lane.Origin, cargo);
        return new VoyagePlan(id, index, generation, $"PO-{po}", lane, cargo, range, supplierId);
    }

    /// <summary>Typical cruise speed of this vehicle in km/h (ocean 16–19 kn, air ~800 km/h, truck ~60 km/h).</summary>
    public static double CruiseKmh(ulong key, TransportMode mode)
    {
        double u = DeterministicRandom.Unit(DeterministicRandom.Key(key, 5));
        return mode switch
        {
            TransportMode.Ocean => (OceanMinKnots + u * (OceanMaxKnots - OceanMinKnots)) * GeoMath.KmPerNauticalMile,
            TransportMode.Air => AirMinKmh + u * (AirMaxKmh - AirMinKmh),
            _ => TruckMinKmh + u * (TruckMaxKmh - TruckMinKmh),
        };
    }

    /// <summary>Handling time added to the planned arrival: berth and terminal, airport, border and yard.</summary>
    public static TimeSpan PortTime(TransportMode mode) => mode switch
    {
        TransportMode.Ocean => TimeSpan.FromHours(36),
        TransportMode.Air => TimeSpan.FromHours(6),
        _ => TimeSpan.FromHours(2),
    };

    /// <summary>
    /// Distance of an air or truck lane before the shipment exists: the great circle, the line the API is
    /// expected to plan for them (a longer estimate would make on-time voyages arrive early). Ocean uses the
    /// API's sea route; the 1.3 detour factor is only a fallback.
    /// </summary>
    public static double EstimateDistanceKm(TransportMode mode, GeoPoint from, GeoPoint to) =>
        GeoMath.HaversineKm(from, to) * (mode == TransportMode.Ocean ? 1.3 : 1.0);

    /// <summary>How long the voyage takes at the typical speed, without port time.</summary>
    public static TimeSpan NominalDuration(double distanceKm, double cruiseKmh) => TimeSpan.FromHours(distanceKm / cruiseKmh);

    /// <summary>Planned arrival: departure + distance at typical speed + port time, in voyage time divided by timeScale.</summary>
    public static DateTimeOffset PlannedArrival(DateTimeOffset departure, TransportMode mode, double distanceKm, double cruiseKmh, double timeScale) =>
        departure + (NominalDuration(distanceKm, cruiseKmh) + PortTime(mode)) / timeScale;

    /// <summary>
    /// Planned departure. First generation: most are somewhere along the way (departed up to 30 days, or
    /// one voyage, ago), a few not yet departed. Later generations leave a few hours after being booked.
    /// Voyage time is divided by timeScale so the server's planned times match the accelerated movement.
    /// </summary>
    public DateTimeOffset PlannedDeparture(string shipmentId, int generation, TimeSpan nominalDuration, DateTimeOffset now, double timeScale)
    {
        ulong key = KeyOf(shipmentId);
        double u = DeterministicRandom.Unit(DeterministicRandom.Key(key, 6));
        double v = DeterministicRandom.Unit(DeterministicRandom.Key(key, 7));
        TimeSpan voyageOffset;
        if (generation > 0 || u < NotYetDepartedShare)
            voyageOffset = -TimeSpan.FromHours(1 + v * (generation > 0 ? 5 : 35)); // departs in 1–6 h (1–36 h at start)
        else
        {
            var reach = nominalDuration < MaxDepartureAge ? nominalDuration * 0.95 : MaxDepartureAge;
            voyageOffset = reach * v;
        }
        return now - voyageOffset / timeScale;
    }

    /// <summary>How the voyage moves and which incidents it suffers; windows are in voyage time.</summary>
    public MotionProfile Motion(string shipmentId, TransportMode mode, TimeSpan nominalDuration, bool reefer)
    {
        ulong key = KeyOf(shipmentId);
        double U(ulong salt) => DeterministicRandom.Unit(DeterministicRandom.Key(key, 100, salt));
        double R(ulong salt, double min, double max) => min + (max - min) * U(salt);
        TimeSpan Hours(double h) => TimeSpan.FromHours(h);

        double speedFactor = U(1) < SlowShare ? R(2, 0.72, 0.85) : R(2, 0.97, 1.04);
        var (amplitude, period) = mode switch
        {
            TransportMode.Ocean => (0.03, Hours(6)),
            TransportMode.Air => (0.04, Hours(1)),
            _ => (0.08, Hours(0.5)),
        };

        TimeWindow? stall = null;
        if (mode != TransportMode.Air && U(3) < StallShare)
            stall = new TimeWindow(nominalDuration * R(4, 0.15, 0.75),
                mode == TransportMode.Ocean ? Hours(R(5, 8, 48)) : Hours(R(5, 1, 4)));

        TimeWindow? silence = null;
        if (U(6) < SilenceShare)
        {
            var length = mode switch
            {
                TransportMode.Ocean => Hours(R(7, 2, 12)),
                TransportMode.Air => Hours(R(7, 0.5, 2)),
                _ => Hours(R(7, 1, 4)),
            };
            silence = new TimeWindow(nominalDuration * R(8, 0.1, 0.8), length);
        }

        TimeWindow? excursion = null;
        double delta = 0;
        if (reefer && U(9) < ExcursionShare)
        {
            excursion = new TimeWindow(nominalDuration * R(10, 0.05, 0.9), TimeSpan.FromMinutes(R(11, 30, 90)));
            delta = R(12, 6, 8);
        }

        return new MotionProfile(CruiseKmh(key, mode), speedFactor, amplitude, period, R(13, 0, 2 * Math.PI),
            stall, silence, excursion, delta);
    }
}
